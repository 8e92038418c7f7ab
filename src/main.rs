#[cfg(target_arch = "wasm32")]
fn main() {
    crypto_heist_explorer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Crypto Heist Explorer is a web app: run `make serve` to build and serve it.");
}
