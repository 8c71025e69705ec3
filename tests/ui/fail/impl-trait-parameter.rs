use secured::secured;

#[secured]
async fn greet(name: impl Into<String>) -> String {
    name.into()
}

fn main() {}
