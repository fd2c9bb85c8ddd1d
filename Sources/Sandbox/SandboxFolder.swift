import Foundation

/// The temporary folder of one sandboxed program: `root/` (the chroot with its mount points, `job/` and `box/`) and
/// the captured `stdin`, `stdout` and `stderr` files beside it, out of the program's reach.
struct SandboxFolder {
    let url: URL
    var root: URL { url.appendingPathComponent("root") }

    init(program: SandboxProgram, interpreter: PythonInterpreter, isolation: SandboxIsolation, uid: UInt32) throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("proctor-sandbox-\(getpid())-u\(uid)-\(UUID().uuidString.prefix(12))")
        url = base
        do {
            try fm.createDirectory(at: base, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let root = base.appendingPathComponent("root")
            try fm.createDirectory(at: root, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
            let job = root.appendingPathComponent("job")
            let box = root.appendingPathComponent("box")
            try fm.createDirectory(at: job, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
            try fm.createDirectory(at: box, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o777])
            for (name, contents) in program.files {
                guard !name.contains("/"), !name.isEmpty else {
                    throw SandboxError(.setup, "file name \(name) of a sandboxed program must be a plain name")
                }
                try Data(contents.utf8).write(to: job.appendingPathComponent(name))
                chmod(job.appendingPathComponent(name).path, 0o644)
            }
            try Data(program.stdin.utf8).write(to: base.appendingPathComponent("stdin"))
            if isolation == .namespaces {
                for path in SandboxFolder.mountPoints(interpreter: interpreter) {
                    try makeMountPoint(path, isFile: path.hasPrefix("/dev/"))
                }
                for link in ["bin", "lib", "lib32", "lib64", "libx32", "sbin"] {
                    if let target = try? fm.destinationOfSymbolicLink(atPath: "/" + link) {
                        try fm.createSymbolicLink(atPath: root.appendingPathComponent(link).path, withDestinationPath: target)
                    }
                }
            } else {
                chown(box.path, uid, uid)
            }
        } catch let error as SandboxError {
            remove()
            throw error
        } catch {
            remove()
            throw SandboxError(.setup, "cannot prepare \(base.path): \(error); check that the temporary folder is writable")
        }
    }

    /// The host paths bind-mounted read-only into the root.
    static func mountPoints(interpreter: PythonInterpreter) -> [String] {
        var paths = ["/usr", "/etc"]
        for link in ["/bin", "/lib", "/lib32", "/lib64", "/libx32", "/sbin"] {
            var isDirectory: ObjCBool = false
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil,
                FileManager.default.fileExists(atPath: link, isDirectory: &isDirectory), isDirectory.boolValue {
                paths.append(link)
            }
        }
        for prefix in interpreter.prefixes where !paths.contains(where: { prefix == $0 || prefix.hasPrefix($0 + "/") }) {
            paths.append(prefix)
        }
        return paths + ["/dev/null", "/dev/zero", "/dev/urandom"]
    }

    private func makeMountPoint(_ path: String, isFile: Bool) throws {
        let target = root.appendingPathComponent(String(path.dropFirst()))
        let fm = FileManager.default
        if isFile {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o755])
            _ = fm.createFile(atPath: target.path, contents: nil)
        } else {
            try fm.createDirectory(at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
    }

    func launch(program: SandboxProgram, interpreter: PythonInterpreter, isolation: SandboxIsolation, uid: UInt32) -> SandboxLauncher.Launch {
        let inside = isolation == .namespaces
        let job = inside ? "/job" : root.appendingPathComponent("job").path
        let box = inside ? "/box" : root.appendingPathComponent("box").path
        let binds = inside
            ? SandboxFolder.mountPoints(interpreter: interpreter).map { ($0, root.appendingPathComponent(String($0.dropFirst())).path) }
            : []
        let environment = [
            "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=\(box)", "TMPDIR=\(box)", "LANG=C.UTF-8", "PYTHONHASHSEED=0",
            "PYTHONDONTWRITEBYTECODE=1", "OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1",
        ]
        return SandboxLauncher.Launch(
            executable: interpreter.executable, arguments: ["\(job)/\(program.main)"] + program.arguments, environment: environment,
            isolation: isolation, root: root.path, binds: binds, tmpfs: inside ? root.appendingPathComponent("box").path : nil,
            workdir: box, stdinPath: url.appendingPathComponent("stdin").path, stdoutPath: url.appendingPathComponent("stdout").path,
            stderrPath: url.appendingPathComponent("stderr").path, uid: uid, limits: program.limits)
    }

    func read(_ name: String, limit: UInt64) -> String {
        guard let handle = FileHandle(forReadingAtPath: url.appendingPathComponent(name).path) else { return "" }
        defer { try? handle.close() }
        let data = ((try? handle.read(upToCount: Int(min(limit, 64 << 20)))) ?? nil) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
