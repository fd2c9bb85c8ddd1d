import Foundation
import ProctorCore

/// A parsed HTTP/1.1 request.
public struct HTTPRequest: Sendable, Hashable {
    /// `GET`, `POST`, …
    public var method: String
    /// The request target without the query string (`/v1/chat/completions`).
    public var path: String
    /// Header fields, names lower-cased.
    public var headers: [String: String]
    /// The body (de-chunked when it was sent chunked).
    public var body: Data

    /// Creates a request.
    public init(method: String, path: String, headers: [String: String], body: Data) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// Parses a request head (the request line and the header fields, without the blank line that ends them).
    ///
    /// - Parameter head: The bytes before `\r\n\r\n`.
    /// - Returns: The request with an empty body.
    /// - Throws: `ProctorError.invalidInput` when the head is not HTTP/1.x.
    public static func parseHead(_ head: Data) throws -> HTTPRequest {
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            throw ProctorError(.invalidInput, "not an HTTP/1.x request line: \(text.prefix(80))")
        }
        var headers: [String: String] = [:]
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw ProctorError(.invalidInput, "malformed header line: \(line.prefix(80))")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        let target = String(requestLine[1])
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        return HTTPRequest(method: String(requestLine[0]), path: path, headers: headers, body: Data())
    }
}

/// An HTTP/1.1 response.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Extra header fields (`Content-Length` and `Connection` are added when sending).
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - value: The body, encoded as JSON with sorted keys.
    ///   - headers: Extra header fields.
    /// - Returns: The response (a 500 with a plain-text body if `value` cannot be encoded).
    public static func json(_ status: Int, _ value: some Encodable, headers: [String: String] = [:]) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let body = try? encoder.encode(value) else {
            return HTTPResponse(status: 500, headers: ["Content-Type": "text/plain"], body: Data("could not encode the answer".utf8))
        }
        var all = headers
        all["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: all, body: body)
    }

    /// The bytes on the wire, `Connection: close` included (the server answers one request per connection).
    public var serialized: Data {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Data(head.utf8) + body
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// What the server does with a request: answer it, or misbehave as a fault plan says.
public enum HTTPAction: Sendable, Hashable {
    /// Send this response.
    case respond(HTTPResponse)
    /// Say nothing for this many seconds (or until the client hangs up), then close the connection.
    case stall(seconds: Double)
    /// Close the connection without answering.
    case drop
    /// Abort the connection with a TCP reset.
    case reset
}
