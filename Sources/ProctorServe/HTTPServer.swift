import Foundation
import Logging
import NIOCore
import NIOPosix
import ProctorCore

/// An HTTP/1.1 server on SwiftNIO: its event loops read requests and write answers, and each complete request
/// is handed to `handler` in a task of its own, which is cancelled when the client hangs up.
///
/// SwiftNIO rather than Hummingbird: the server needs the connection itself (to notice a client hanging up in the
/// middle of a stream, and to stall, drop or reset connections for fault plans), which NIO's channel handlers give
/// directly; Hummingbird would add a router and its dependencies around the same NIO pipeline for two routes.
/// Connections are kept alive between requests (HTTP/1.1 clients such as the `openai` package pool them).
public final class HTTPServer: Sendable {
    /// The address the server listens on.
    public let host: String
    /// The port the server listens on (the one the system chose when asked for port 0).
    public let port: Int
    /// The largest request body read, in bytes.
    public let maxBodyBytes: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    /// Binds, listens and starts accepting connections.
    ///
    /// - Parameters:
    ///   - host: The address to listen on (`127.0.0.1`).
    ///   - port: The port, or 0 for one the system chooses.
    ///   - maxBodyBytes: The largest request body read; larger ones are answered 413.
    ///   - keepAlive: Keep connections open between requests (false: one request per connection, so that a fault
    ///     plan's drops and resets meet fresh connections, which clients do not silently retry as they do reused ones).
    ///   - logger: Where stalls, drops, resets and hang-ups are reported.
    ///   - handler: Decides what to do with each request; runs in a task cancelled when the client hangs up.
    /// - Throws: `ProctorError.backend` when the socket cannot be bound (address in use, no permission, no such
    ///   address).
    public init(host: String, port: Int, maxBodyBytes: Int = 256 << 20, keepAlive: Bool = true, logger: Logger = Logger(label: "proctor.serve"),
                handler: @escaping @Sendable (HTTPRequest) async -> HTTPAction) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: false)
                    try channel.pipeline.syncOperations.addHandler(
                        HTTPConnectionHandler(maxBodyBytes: maxBodyBytes, keepAlive: keepAlive, logger: logger, handler: handler))
                }
            }
        do {
            channel = try await bootstrap.bind(host: host, port: port).get()
        } catch {
            try? await group.shutdownGracefully()
            throw ProctorError(.backend, "could not listen on \(host):\(port): \(error); choose another --port (0 picks a free one)", underlying: error)
        }
        self.group = group
        self.host = host
        self.port = channel.localAddress?.port ?? port
        self.maxBodyBytes = maxBodyBytes
    }

    /// Stops accepting and closes the event loop; requests in progress are cut off.
    public func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}
