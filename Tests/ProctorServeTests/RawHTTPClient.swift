import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends raw bytes to 127.0.0.1:`port` and reads the whole answer, so tests can send what URLSession would not
/// (chunked bodies, malformed heads). Every socket call has a 60 s timeout (generous: CI machines are busy).
enum RawHTTPClient {
    /// Performs the exchange on its own thread: blocking a concurrency-pool thread could starve the in-process
    /// server's backend task.
    static func exchange(port: Int, _ request: String) async -> String {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: blockingExchange(port: port, request)) }.start()
        }
    }

    /// Sends `request`, reads until the answer holds `marker`, and hangs up; returns what was read.
    static func hangUp(port: Int, _ request: String, after marker: String) async -> String {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: blockingExchange(port: port, request, until: marker)) }.start()
        }
    }

    /// The body of a raw answer, de-chunked when it was sent chunked.
    static func body(of answer: String) -> String {
        guard let split = answer.range(of: "\r\n\r\n") else { return "" }
        let head = answer[..<split.lowerBound].lowercased()
        var rest = Array(answer[split.upperBound...].utf8)[...]
        guard head.contains("transfer-encoding: chunked") else { return String(decoding: rest, as: UTF8.self) }
        var body: [UInt8] = []
        let crlf: [UInt8] = [13, 10]
        while let end = rest.indices.first(where: { rest[$0...].starts(with: crlf) }),
              let size = Int(String(decoding: rest[..<end], as: UTF8.self), radix: 16), size > 0,
              rest.count >= end - rest.startIndex + 2 + size {
            let start = end + 2
            body += rest[start..<(start + size)]
            rest = rest[(start + size)...].dropFirst(2)
        }
        return String(decoding: body, as: UTF8.self)
    }

    private static func blockingExchange(port: Int, _ request: String, until marker: String? = nil) -> String {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var answer = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer.append(contentsOf: buffer[0..<n])
            if let marker, String(decoding: answer, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: answer, as: UTF8.self)
    }
}
