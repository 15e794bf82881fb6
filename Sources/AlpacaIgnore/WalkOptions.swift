/// How a `Walker` chooses what to yield.
public struct WalkOptions: Sendable {
    /// Honour git's ignore rules (false is `--no-ignore`: everything except `.git` and nested repositories).
    public var respectIgnore: Bool
    /// Regular files larger than this many bytes are yielded as `.tooLarge` instead of `.file`.
    public var maxFileSize: Int
    /// Repository-root-relative paths git tracks (`git ls-files -z`); they are yielded even when
    /// ignored, because git commits them anyway. nil when unknown or outside a repository.
    public var trackedFiles: Set<String>?
    /// core.excludesFile: `.automatic` asks git once; tests inject a path or `.none`.
    public var excludesFile: ExcludeSource
    /// `$GIT_DIR/info/exclude`: `.automatic` finds it from the repository root.
    public var infoExclude: ExcludeSource

    /// Options with git's behaviour by default and no size limit.
    public init(
        respectIgnore: Bool = true,
        maxFileSize: Int = Int.max,
        trackedFiles: Set<String>? = nil,
        excludesFile: ExcludeSource = .automatic,
        infoExclude: ExcludeSource = .automatic
    ) {
        self.respectIgnore = respectIgnore
        self.maxFileSize = maxFileSize
        self.trackedFiles = trackedFiles
        self.excludesFile = excludesFile
        self.infoExclude = infoExclude
    }
}
