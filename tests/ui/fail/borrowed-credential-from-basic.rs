use secured::{dependency, scheme, HttpBasic};

#[scheme]
const BASIC: HttpBasic = HttpBasic::new();

#[dependency]
fn user_name(#[security(BASIC)] credentials: &str) -> String {
    credentials.to_owned()
}

fn main() {}
