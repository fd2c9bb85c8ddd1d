import Foundation
import ProctorCore

extension Socket {
    /// Reads one request: the head, then a `Content-Length` or chunked body. Answers `Expect: 100-continue`.
    ///
    /// - Parameter maxBodyBytes: The largest body accepted.
    /// - Returns: The request, or nil when the client closed the connection before sending one.
    /// - Throws: `ProctorError.invalidInput` for a malformed or oversized request.
    func readRequest(maxBodyBytes: Int) throws -> HTTPRequest? {
        var buffer = Data()
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            let chunk = try read(upTo: 16 << 10)
            if chunk.isEmpty {
                if buffer.isEmpty { return nil }
                throw ProctorError(.invalidInput, "the connection closed in the middle of the request head")
            }
            buffer.append(chunk)
            headEnd = buffer.range(of: separator)
            if headEnd == nil && buffer.count > 64 << 10 {
                throw ProctorError(.invalidInput, "the request head is larger than 64 KiB")
            }
        }
        guard let headEnd else { return nil }
        var request = try HTTPRequest.parseHead(buffer[buffer.startIndex..<headEnd.lowerBound])
        var rest = Data(buffer[headEnd.upperBound...])
        if request.headers["expect"]?.lowercased() == "100-continue" {
            write(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        if request.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            request.body = try readChunked(&rest, maxBodyBytes: maxBodyBytes)
        } else if let lengthText = request.headers["content-length"] {
            guard let length = Int(lengthText), length >= 0 else {
                throw ProctorError(.invalidInput, "Content-Length \(lengthText) is not a byte count")
            }
            guard length <= maxBodyBytes else {
                throw ProctorError(.invalidInput, "the body (\(length) bytes) is larger than the server's limit of \(maxBodyBytes) bytes")
            }
            while rest.count < length {
                let chunk = try read(upTo: min(1 << 20, length - rest.count))
                if chunk.isEmpty { throw ProctorError(.invalidInput, "the connection closed after \(rest.count) of \(length) body bytes") }
                rest.append(chunk)
            }
            request.body = rest.prefix(length)
        }
        return request
    }

    /// Decodes a chunked body, reading more from the socket as needed; `pending` holds bytes already read.
    private func readChunked(_ pending: inout Data, maxBodyBytes: Int) throws -> Data {
        var body = Data()
        let crlf = Data("\r\n".utf8)
        func line() throws -> String {
            var found = pending.range(of: crlf)
            while found == nil {
                let chunk = try read(upTo: 16 << 10)
                if chunk.isEmpty { throw ProctorError(.invalidInput, "the connection closed inside a chunked body") }
                pending.append(chunk)
                found = pending.range(of: crlf)
            }
            guard let end = found else { return "" }
            let text = String(decoding: pending[pending.startIndex..<end.lowerBound], as: UTF8.self)
            pending = Data(pending[end.upperBound...])
            return text
        }
        while true {
            let sizeText = try line().split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw ProctorError(.invalidInput, "malformed chunk size \"\(sizeText.prefix(20))\"")
            }
            if size == 0 {
                while try !line().isEmpty {}
                return body
            }
            guard body.count + size <= maxBodyBytes else {
                throw ProctorError(.invalidInput, "the chunked body is larger than the server's limit of \(maxBodyBytes) bytes")
            }
            while pending.count < size + 2 {
                let chunk = try read(upTo: 1 << 20)
                if chunk.isEmpty { throw ProctorError(.invalidInput, "the connection closed inside a chunk") }
                pending.append(chunk)
            }
            body.append(pending.prefix(size))
            pending = Data(pending.dropFirst(size + 2))
        }
    }
}
