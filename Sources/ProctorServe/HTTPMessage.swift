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
}

/// An HTTP/1.1 response.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Extra header fields (`Content-Length` is added when sending).
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
}

/// What the server does with a request: answer it, or misbehave as a fault plan says.
public enum HTTPAction: Sendable {
    /// Send this response.
    case respond(HTTPResponse)
    /// Send this status and these headers, then each piece of the body as it comes (server-sent events), until the
    /// sequence ends; when the client hangs up first, the server stops reading the sequence (which cancels it).
    case stream(status: Int, headers: [String: String], body: AsyncStream<Data>)
    /// Say nothing for this many seconds (or until the client hangs up), then close the connection.
    case stall(seconds: Double)
    /// Close the connection without answering.
    case drop
    /// Abort the connection with a TCP reset.
    case reset
}
