use secured::dependency;

#[dependency(use_cache = true)]
fn default_limit() -> u32 {
    100
}

fn main() {}
