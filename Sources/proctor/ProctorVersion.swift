/// The harness version recorded with every run.
enum ProctorVersion {
    static let string = "0.1.0"
}
