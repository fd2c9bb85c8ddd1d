import Foundation
import Logging
import ProctorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on POSIX sockets: one thread accepts, one thread per connection reads a request,
/// asks the handler what to do, does it and closes the connection.
///
/// It is meant for loopback use (`proctor serve`, tests), not as an internet-facing server: it answers one request
/// per connection and reads bodies of at most `maxBodyBytes`.
public final class HTTPServer: Sendable {
    /// The address the server listens on.
    public let host: String
    /// The port the server listens on (the one the system chose when asked for port 0).
    public let port: Int
    /// The largest request body read, in bytes.
    public let maxBodyBytes: Int
    private let listener: Int32
    private let handler: @Sendable (HTTPRequest) -> HTTPAction
    private let logger: Logger

    /// Binds and listens; call `start()` to begin accepting.
    ///
    /// - Parameters:
    ///   - host: An IPv4 address to listen on (`127.0.0.1`).
    ///   - port: The port, or 0 for one the system chooses.
    ///   - maxBodyBytes: The largest request body read.
    ///   - logger: Where stalls, drops and resets are reported.
    ///   - handler: Decides what to do with each request; called on the connection's thread.
    /// - Throws: `ProctorError.invalidArgument` for a host that is not an IPv4 address, `.backend` when the socket
    ///   cannot be bound (port in use, no permission).
    public init(host: String, port: Int, maxBodyBytes: Int = 256 << 20, logger: Logger = Logger(label: "proctor.serve"), handler: @escaping @Sendable (HTTPRequest) -> HTTPAction) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw ProctorError(.invalidArgument, "--host \(host) is not an IPv4 address; use 127.0.0.1 (loopback) or 0.0.0.0 (all interfaces)")
        }
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ProctorError(.backend, "could not create a socket: \(Socket.errorText())") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let reason = Socket.errorText()
            close(fd)
            throw ProctorError(.backend, "could not listen on \(host):\(port): \(reason); choose another --port (0 picks a free one)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.host = host
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        self.maxBodyBytes = maxBodyBytes
        self.listener = fd
        self.handler = handler
        self.logger = logger
    }

    /// Starts accepting connections on a background thread and returns.
    public func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "proctor-serve-accept"
        thread.start()
    }

    /// Stops accepting; connections in progress finish on their own threads.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let thread = Thread { [self] in serve(Socket(fd: client)) }
            thread.name = "proctor-serve-connection"
            thread.start()
        }
    }

    private func serve(_ socket: Socket) {
        defer { socket.close() }
        socket.setReceiveTimeout(seconds: 120)
        let action: HTTPAction
        do {
            guard let request = try socket.readRequest(maxBodyBytes: maxBodyBytes) else { return }
            action = handler(request)
        } catch {
            let message = (error as? ProctorError)?.message ?? "\(error)"
            action = .respond(.json(400, ["error": ["message": message, "type": "invalid_request_error"]]))
        }
        switch action {
        case .respond(let response):
            socket.write(response.serialized)
        case .stall(let seconds):
            let started = Date()
            let hungUp = socket.waitForHangUp(seconds: seconds)
            let waited = String(format: "%.2f", Date().timeIntervalSince(started))
            logger.notice(hungUp ? "stall ended: the client closed the connection after \(waited) s" : "stall ended after \(waited) s; closing without an answer")
        case .drop:
            logger.notice("dropped the connection without answering")
        case .reset:
            logger.notice("reset the connection without answering")
            socket.abortOnClose()
        }
    }
}
