// A libFuzzer target for Proctor's image decoding: every input is decoded as an image (JPEG through the CJPEG
// setjmp helper, PNG through libpng's simplified API). Crashes, sanitizer reports, hangs and out-of-memory are
// bugs; thrown errors are the expected outcome for malformed input.
//
//   benchmarks/fuzz/run-images.sh [seconds]
import Foundation
import ImageCodec

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    // A small pixel limit keeps the fuzzer's memory bounded; the limit check itself is part of what is tested.
    _ = try? ImageDecoder.decode(data, name: "fuzz-input", limits: ImageLimits(maximumPixels: 4_000_000))
    return 0
}
