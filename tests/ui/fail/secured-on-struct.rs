use secured::secured;

#[secured]
struct ReadMe;

fn main() {}
