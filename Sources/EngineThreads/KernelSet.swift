import CKernels

/// The SIMD kernels an engine runs: one instruction-set family's table of C functions, chosen once from CPUID.
///
/// An engine (a `Generator`, a vision tower) holds the set it was given: selecting another set for one engine never
/// changes another engine's kernels in the same process, so tests can run every variant side by side.
///
/// `@unchecked Sendable`: `table` points at an immutable static table in the C target that lives for the whole
/// process.
public struct KernelSet: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The C table.
    public let table: UnsafePointer<ck_kernels>

    /// The families, fastest first (the names `PROCTOR_KERNELS` takes).
    public static let familyNames = ["avx512", "avx2", "scalar"]

    /// The environment variable that forces a family.
    public static let environmentKey = "PROCTOR_KERNELS"

    /// The family's name: `avx512`, `avx2` or `scalar`.
    public var name: String { String(cString: table.pointee.name) }

    /// What each kernel of the set uses (`avx512f/bw/vl+vnni (int8 vpdpbusd, …)`), for run settings.
    public var detail: String { String(cString: table.pointee.detail) }

    public var description: String { name }

    public static func == (a: KernelSet, b: KernelSet) -> Bool { a.table == b.table }
    public func hash(into hasher: inout Hasher) { hasher.combine(UnsafeRawPointer(table)) }

    private init(_ table: UnsafePointer<ck_kernels>) { self.table = table }

    /// The fastest set this CPU runs.
    public static var best: KernelSet { KernelSet(ck_kernels_best()) }

    /// The portable scalar reference set (every CPU).
    public static var scalar: KernelSet { KernelSet(ck_kernels_named("scalar")!) }  // the scalar table exists everywhere

    /// Every set this CPU runs, fastest first.
    public static var available: [KernelSet] { familyNames.compactMap { ck_kernels_named($0).map(KernelSet.init) } }

    /// The set of a family.
    ///
    /// - Parameter name: `avx512`, `avx2` or `scalar`.
    /// - Throws: ``KernelSetError`` naming the value and what this CPU has when the name is unknown or the CPU lacks
    ///   the family's instructions.
    public init(named name: String) throws {
        guard Self.familyNames.contains(name) else {
            throw KernelSetError("unknown kernel set '\(name)'; use one of \(Self.familyNames.joined(separator: ", "))")
        }
        guard let table = ck_kernels_named(name) else {
            throw KernelSetError("this CPU cannot run the '\(name)' kernels (it has: \(Self.cpuFeatures.joined(separator: " ")));"
                + " use one of \(Self.available.map(\.name).joined(separator: ", "))")
        }
        self.table = table
    }

    /// The set `PROCTOR_KERNELS` names, or the fastest when it is unset or empty.
    ///
    /// - Parameter environment: The process environment.
    /// - Throws: ``KernelSetError`` for a value that is unknown or that this CPU cannot run, naming the variable.
    public static func fromEnvironment(_ environment: [String: String]) throws -> KernelSet {
        guard let value = environment[environmentKey], !value.isEmpty else { return .best }
        do {
            return try KernelSet(named: value)
        } catch let error as KernelSetError {
            throw KernelSetError("\(environmentKey)=\(value): \(error.message)")
        }
    }

    /// The CPU features the kernels look at that this CPU (and OS) supports.
    public static var cpuFeatures: [String] {
        let mask = ck_cpu_features()
        let names: [(UInt32, String)] = [
            (UInt32(CK_CPU_AVX2), "avx2"), (UInt32(CK_CPU_FMA), "fma"), (UInt32(CK_CPU_F16C), "f16c"),
            (UInt32(CK_CPU_AVX512F), "avx512f"), (UInt32(CK_CPU_AVX512BW), "avx512bw"), (UInt32(CK_CPU_AVX512VL), "avx512vl"),
            (UInt32(CK_CPU_AVX512VNNI), "avx512vnni"), (UInt32(CK_CPU_AVX512BF16), "avx512bf16"),
        ]
        return names.filter { mask & $0.0 != 0 }.map(\.1)
    }
}

/// A kernel set that cannot be selected: the message names the value and the choices.
public struct KernelSetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
