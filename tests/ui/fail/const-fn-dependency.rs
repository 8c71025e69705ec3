use secured::dependency;

#[dependency]
const fn default_limit() -> u32 {
    100
}

fn main() {}
