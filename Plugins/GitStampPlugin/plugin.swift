import Foundation
import PackagePlugin

/// Records the git commit Proctor is built from (and whether the tree was dirty) in a generated source file of the
/// target it is applied to, before every build, by running `scripts/write-build-stamp`.
///
/// A prebuild command, so that it runs on every build (a commit or an edit changes the stamp without any input
/// SwiftPM could know of); the script rewrites the file only when the stamp changes.
@main
struct GitStampPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "GitStamp")
        return [
            .prebuildCommand(
                displayName: "Recording Proctor's git commit",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [root.appending(path: "scripts/write-build-stamp").path, root.path,
                            output.appending(path: "BuildStamp+Generated.swift").path],
                outputFilesDirectory: output),
        ]
    }
}
