use secured::dependency;

#[dependency(cache, cache)]
fn default_limit() -> u32 {
    100
}

fn main() {}
