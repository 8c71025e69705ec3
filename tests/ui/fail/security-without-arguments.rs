use secured::{secured, Credential};

#[secured]
async fn read_me(#[security] _key: Credential) {}

fn main() {}
