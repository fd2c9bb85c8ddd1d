import Foundation
import ProctorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One accepted connection: blocking reads and writes on a file descriptor owned by one thread.
struct Socket {
    let fd: Int32

    static func errorText() -> String {
        String(cString: strerror(errno))
    }

    func close() {
        _ = shutdown(fd, Int32(SHUT_WR))
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    func setReceiveTimeout(seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Makes `close` send a TCP reset instead of a normal shutdown.
    func abortOnClose() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    /// Writes all of `data`, giving up silently when the peer has gone (no SIGPIPE).
    func write(_ data: Data) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var sent = 0
            while sent < buffer.count {
                #if canImport(Glibc)
                let n = send(fd, base + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                #else
                let n = send(fd, base + sent, buffer.count - sent, 0)
                #endif
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                sent += n
            }
        }
    }

    /// Reads up to `count` bytes; empty at end of stream.
    func read(upTo count: Int) throws -> Data {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let n = recv(fd, &buffer, count, 0)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw ProctorError(.invalidInput, "reading the request failed: \(Socket.errorText())") }
            return Data(buffer[0..<n])
        }
    }

    /// Waits until the peer closes the connection or `seconds` pass, without answering.
    ///
    /// - Returns: True when the peer closed the connection first.
    func waitForHangUp(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var probe = [UInt8](repeating: 0, count: 512)
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(min(left, 1) * 1000))
            if ready < 0 && errno != EINTR { return false }
            if ready > 0 {
                if entry.revents & Int16(POLLHUP | POLLERR) != 0 { return true }
                let n = recv(fd, &probe, probe.count, Int32(MSG_DONTWAIT))
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { return true }
            }
        }
    }
}
