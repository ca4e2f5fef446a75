fn main() {
    lattice::start();
}
