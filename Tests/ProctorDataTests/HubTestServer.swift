import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 speaking the hub's URL scheme for tests of `proctor fetch`:
/// `/api/datasets/OWNER/NAME/revision/REV` (the listing) and `/datasets/OWNER/NAME/resolve/COMMIT/PATH` (files, with
/// `Range` support). It can require a token and cut a file's first transfer short to exercise resuming.
final class HubTestServer: Sendable {
    struct Request: Sendable {
        var path: String
        var headers: [String: String]
    }

    struct Config: Sendable {
        /// Bodies by request path (query strings stripped).
        var bodies: [String: Data]
        /// When set, requests without `Authorization: Bearer <token>` get 401.
        var token: String?
        /// Paths whose first transfer stops after this many bytes (the connection is closed).
        var cutFirstTransfer: [String: Int] = [:]
    }

    let port: UInt16
    private let socket: Int32
    private let state: Mutex<(config: Config, requests: [Request], cut: Set<String>)>

    init(_ config: Config) throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        socket = fd
        state = Mutex((config, [], []))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    var requests: [Request] { state.withLock { $0.requests } }

    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private func acceptLoop() {
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 { return }
            Thread { [self] in
                handle(client)
                close(client)
            }.start()
        }
    }

    private func handle(_ client: Int32) {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !buffer.suffix(4).elementsEqual([13, 10, 13, 10]) {
            let n = recv(client, &chunk, chunk.count, 0)
            if n <= 0 { return }
            buffer += chunk[0..<n]
        }
        let lines = String(decoding: buffer, as: UTF8.self).components(separatedBy: "\r\n")
        let target = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        let path = (target.split(separator: "?").first.map(String.init) ?? target).removingPercentEncoding ?? target
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let (config, cutNow) = state.withLock { state -> (Config, Bool) in
            state.requests.append(Request(path: path, headers: headers))
            let cut = state.config.cutFirstTransfer[path] != nil && !state.cut.contains(path)
            if cut { state.cut.insert(path) }
            return (state.config, cut)
        }
        if let token = config.token, headers["authorization"] != "Bearer \(token)" {
            return respond(client, status: "401 Unauthorized", headers: [:], body: Data("{\"error\":\"gated\"}".utf8))
        }
        guard let body = config.bodies[path] else {
            return respond(client, status: "404 Not Found", headers: [:], body: Data("{\"error\":\"not found\"}".utf8))
        }
        var start = 0
        if let range = headers["range"], range.hasPrefix("bytes="), let from = Int(range.dropFirst(6).split(separator: "-").first ?? "") {
            start = min(from, body.count)
        }
        let slice = body.subdata(in: start..<body.count)
        var extra = ["ETag": "\"\(body.count)\""]
        if start > 0 { extra["Content-Range"] = "bytes \(start)-\(body.count - 1)/\(body.count)" }
        let limit = cutNow ? config.cutFirstTransfer[path] : nil
        respond(client, status: start > 0 ? "206 Partial Content" : "200 OK", headers: extra, body: slice, sendOnly: limit)
    }

    private func respond(_ client: Int32, status: String, headers: [String: String], body: Data, sendOnly: Int? = nil) {
        var head = "HTTP/1.1 \(status)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (key, value) in headers { head += "\(key): \(value)\r\n" }
        head += "\r\n"
        var bytes = [UInt8](head.utf8) + [UInt8](body.prefix(sendOnly ?? body.count))
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeMutableBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
        bytes.removeAll()
    }
}
