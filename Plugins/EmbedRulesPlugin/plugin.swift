import Foundation
import PackagePlugin

/// Embeds the package's Rules/*.toml into the target that uses this plugin, as generated Swift.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "Rules")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path())) ?? []
        let ruleFiles = names.filter { $0.hasSuffix(".toml") }.sorted().map { rulesDirectory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(ruleFiles.count) rule files",
                executable: try context.tool(named: "EmbedRulesTool").url,
                arguments: [output.path()] + ruleFiles.map { $0.path() },
                inputFiles: ruleFiles,
                outputFiles: [output]
            )
        ]
    }
}
