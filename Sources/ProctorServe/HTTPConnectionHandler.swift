import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ProctorCore

/// One connection's HTTP/1.1 exchanges: it collects a request, runs the server's handler in a task, and writes
/// what the handler decided; the task is cancelled when the connection closes.
///
/// All stored state is touched on the channel's event loop only; the task talks to the connection through the
/// `Channel`, whose operations may be called from any thread.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let maxBodyBytes: Int
    private let keepAlive: Bool
    private let logger: Logger
    private let handler: @Sendable (HTTPRequest) async -> HTTPAction
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    private var refused = false
    private var task: Task<Void, Never>?

    init(maxBodyBytes: Int, keepAlive: Bool, logger: Logger, handler: @escaping @Sendable (HTTPRequest) async -> HTTPAction) {
        self.maxBodyBytes = maxBodyBytes
        self.keepAlive = keepAlive
        self.logger = logger
        self.handler = handler
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
            refused = false
            if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > maxBodyBytes {
                refuse(context, 413, "the body (\(length) bytes) is larger than the server's limit of \(maxBodyBytes) bytes")
            } else if head.headers.first(name: "expect")?.lowercased() == "100-continue" {
                // Clients that ask (curl, for large bodies) would otherwise wait a second before sending the body.
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
        case .body(var chunk):
            guard !refused else { return }
            if body.readableBytes + chunk.readableBytes > maxBodyBytes {
                refuse(context, 413, "the body is larger than the server's limit of \(maxBodyBytes) bytes")
            } else {
                body.writeBuffer(&chunk)
            }
        case .end:
            guard let head, !refused else { return }
            self.head = nil
            let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? head.uri
            var headers: [String: String] = [:]
            for (name, value) in head.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { "\($0), \(value)" } ?? value
            }
            let request = HTTPRequest(method: head.method.rawValue, path: path, headers: headers, body: Data(body.readableBytesView))
            let exchange = Exchange(channel: context.channel, keepAlive: keepAlive && head.isKeepAlive, version: head.version, logger: logger)
            let handler = self.handler
            task = Task { await exchange.perform(await handler(request)) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        task?.cancel()
        task = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError {
            refuse(context, 400, "the request is not HTTP/1.x (\(error)); send an HTTP/1.1 request")
        } else {
            context.close(promise: nil)
        }
    }

    /// Answers with an OpenAI error object and closes: the rest of the request is not read.
    private func refuse(_ context: ChannelHandlerContext, _ status: Int, _ message: String) {
        refused = true
        let response = ErrorBody.response(status, message)
        var headers = HTTPHeaders(response.headers.map { ($0.key, $0.value) })
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}

/// Writes one request's answer on its connection, from the request's task.
private struct Exchange: Sendable {
    let channel: any Channel
    let keepAlive: Bool
    let version: HTTPVersion
    let logger: Logger

    func perform(_ action: HTTPAction) async {
        switch action {
        case .respond(let response):
            var headers = HTTPHeaders(response.headers.map { ($0.key, $0.value) })
            headers.add(name: "Content-Length", value: String(response.body.count))
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            channel.write(HTTPServerResponsePart.head(head(response.status, headers)), promise: nil)
            channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body))), promise: nil)
            await end()
        case .stream(let status, let fields, let events):
            var headers = HTTPHeaders(fields.map { ($0.key, $0.value) })
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            channel.write(HTTPServerResponsePart.head(head(status, headers)), promise: nil)
            for await event in events {
                do {
                    try await channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: event)))).get()
                } catch {
                    return
                }
            }
            if Task.isCancelled { return }
            await end()
        case .stall(let seconds):
            let started = Date()
            try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
            let waited = String(format: "%.2f", Date().timeIntervalSince(started))
            logger.notice(Task.isCancelled ? "stall ended: the client closed the connection after \(waited) s" : "stall ended after \(waited) s; closing without an answer")
            try? await channel.close()
        case .drop:
            logger.notice("dropped the connection without answering")
            try? await channel.close()
        case .reset:
            logger.notice("reset the connection without answering")
            try? await (channel as? any SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
            try? await channel.close()
        }
    }

    private func head(_ status: Int, _ headers: HTTPHeaders) -> HTTPResponseHead {
        HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: status), headers: headers)
    }

    private func end() async {
        let written: Void? = try? await channel.writeAndFlush(HTTPServerResponsePart.end(nil)).get()
        if written == nil || !keepAlive { try? await channel.close() }
    }
}
