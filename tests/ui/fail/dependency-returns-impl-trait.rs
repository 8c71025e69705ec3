use secured::dependency;

#[dependency]
fn greeting() -> impl std::fmt::Display {
    "hello"
}

fn main() {}
