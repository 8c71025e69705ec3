use secured::secured;

#[secured(anonymous)]
#[secured(anonymous)]
async fn read_items() {}

fn main() {}
