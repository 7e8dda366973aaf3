//! Entry point of the Borderlines web app (built by Trunk for wasm32).

fn main() {
    borderlines::start();
}
