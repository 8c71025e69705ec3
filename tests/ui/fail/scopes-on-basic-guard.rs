use secured::{scheme, secured, HttpBasic};

#[scheme]
const BASIC: HttpBasic = HttpBasic::new();

#[secured(BASIC, scopes = ["admin"])]
async fn delete_all() {}

fn main() {}
