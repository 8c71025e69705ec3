use secured::secured;

struct Items;

impl Items {
    #[secured]
    async fn list(&self) -> &'static str {
        "items"
    }
}

fn main() {}
