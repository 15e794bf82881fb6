/// What a history scan learned besides the blob contents: every commit, where each blob entered
/// the history (path and commit), and what HEAD's tree still holds. Queried after the scan, when
/// findings in a blob need commits and paths.
///
/// Memory: a few dozen bytes per commit, per unique blob, per path and per (path, blob) pair;
/// no file content and no diff text is kept.
public struct HistoryScanIndex: Sendable {
    /// Number of commits read (merges included).
    public let commitCount: Int
    /// Number of unique file blobs found (read, or skipped and listed in `skipped`).
    public let uniqueBlobCount: Int
    /// Number of (path, blob) introductions recorded.
    public let introductionCount: Int
    /// Blobs that were not read, in the order they were met.
    public let skipped: [SkippedBlob]
    /// Symbolic links and submodule entries seen in diffs and left out (their "content" is a link
    /// target or another repository's commit id, not a file).
    public let linkEntryCount: Int
    /// True when HEAD names a commit, so `isInHead` answers mean something.
    public let hasHead: Bool

    let hashLength: Int
    let blobIndex: [ObjectKey: Int32]
    let paths: [[UInt8]]
    let pathIndex: [ByteKey: Int32]
    let commitKeys: [ObjectKey]
    let commitTimestamps: [Int64]
    let commitAuthors: [Int32]
    let authors: [(name: String, email: String)]
    /// Introductions grouped by blob (counting sort), each group in topological order:
    /// `introductionsStart[b]..<introductionsStart[b + 1]` indexes `introductionPaths` / `introductionCommits`.
    let introductionsStart: [Int32]
    let introductionPaths: [Int32]
    let introductionCommits: [Int32]
    let headPairs: Set<UInt64>
    let headBlobs: Set<Int32>
    /// (blob, path) pairs that were a path's content just before a range (see `boundaryPaths`).
    let boundaryPairs: [Int32: [Int32]]

    /// The commit at `index`, in the topological order the scan read them (parents first).
    public func commit(at index: Int) -> HistoryCommit {
        let author = authors[Int(commitAuthors[index])]
        let timestamp = Int(commitTimestamps[index])
        return HistoryCommit(
            sha: commitKeys[index].hex(length: hashLength), timestamp: timestamp,
            date: UTCDate.iso8601(timestamp), authorName: author.name, authorEmail: author.email)
    }

    /// Every (path, first commit) at which blob `oid` entered the history, in topological order;
    /// empty for an id the scan never met.
    public func introductions(ofBlob oid: String) -> [HistoryIntroduction] {
        guard let key = ObjectKey(oid), let blob = blobIndex[key] else { return [] }
        let range = Int(introductionsStart[Int(blob)])..<Int(introductionsStart[Int(blob) + 1])
        return range.map { slot in
            let path = introductionPaths[slot]
            return HistoryIntroduction(
                path: String(decoding: paths[Int(path)], as: UTF8.self),
                commit: commit(at: Int(introductionCommits[slot])),
                isInHead: headPairs.contains(HistoryScanIndex.pair(blob: blob, path: path)),
                commitOrder: Int(introductionCommits[slot]))
        }
    }

    /// The paths at which blob `oid` was the content just before the scanned range: the old side
    /// of a change the range's first commits made to a file they did not create. Empty for a
    /// full-history scan (nothing comes before it) and for blobs the range introduced.
    ///
    /// A secret such a blob holds at one of these paths was already there when the range began:
    /// the range carried it along, it did not add it.
    public func boundaryPaths(ofBlob oid: String) -> [String] {
        guard let key = ObjectKey(oid), let blob = blobIndex[key], let pathNumbers = boundaryPairs[blob] else { return [] }
        return pathNumbers.map { String(decoding: paths[Int($0)], as: UTF8.self) }
    }

    /// True when HEAD's tree has blob `oid` at some path.
    public func blobIsInHead(_ oid: String) -> Bool {
        guard let key = ObjectKey(oid), let blob = blobIndex[key] else { return false }
        return headBlobs.contains(blob)
    }

    /// True when HEAD's tree has blob `oid` at exactly `path` (a path given as UTF-8 text).
    public func isInHead(path: String, blob oid: String) -> Bool {
        guard let key = ObjectKey(oid), let blob = blobIndex[key], let path = pathIndex[ByteKey(Array(path.utf8))] else {
            return false
        }
        return headPairs.contains(HistoryScanIndex.pair(blob: blob, path: path))
    }

    /// One 64-bit key for a (blob, path) pair of indexes.
    static func pair(blob: Int32, path: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: blob)) << 32 | UInt64(UInt32(bitPattern: path))
    }
}

/// Collects the index while `git log` streams by; only the thread that parses the log touches it.
struct HistoryIndexBuilder {
    private(set) var hashLength = 40
    private var blobIndex: [ObjectKey: Int32] = [:]
    private(set) var paths: [[UInt8]] = []
    private var pathIndex: [ByteKey: Int32] = [:]
    private var commitKeys: [ObjectKey] = []
    private var commitTimestamps: [Int64] = []
    private var commitAuthors: [Int32] = []
    private var authors: [(name: String, email: String)] = []
    private var authorIndex: [ByteKey: Int32] = [:]
    private var introductionBlobs: [Int32] = []
    private var introductionPaths: [Int32] = []
    private var introductionCommits: [Int32] = []
    private var seenPairs: Set<UInt64> = []
    private var boundaryPairs: [Int32: [Int32]] = [:]
    private var boundarySeen: Set<UInt64> = []
    private var headPairs: Set<UInt64> = []
    private var headBlobs: Set<Int32> = []
    private var hasHead = false
    var linkEntryCount = 0

    /// Number of commits added so far.
    var commitCount: Int { commitKeys.count }

    /// Records a commit; later introductions belong to it.
    mutating func addCommit(sha: [UInt8], timestamp: Int64, authorName: [UInt8], authorEmail: [UInt8]) -> Bool {
        guard let key = ObjectKey(hex: sha) else { return false }
        hashLength = sha.count
        var identity = authorName
        identity.append(0)
        identity.append(contentsOf: authorEmail)
        let author: Int32
        if let known = authorIndex[ByteKey(identity)] {
            author = known
        } else {
            author = Int32(authors.count)
            authors.append(
                (String(decoding: authorName, as: UTF8.self), String(decoding: authorEmail, as: UTF8.self)))
            authorIndex[ByteKey(identity)] = author
        }
        commitKeys.append(key)
        commitTimestamps.append(timestamp)
        commitAuthors.append(author)
        return true
    }

    /// What `addFile` found: whether the blob is new (to be read) and the indexes involved.
    struct FileOutcome {
        let blob: Int32
        let path: Int32
        let isNewBlob: Bool
    }

    /// Records that the current commit adds `blob` at `path`; nil for a malformed id.
    mutating func addFile(blob hex: [UInt8], path: [UInt8]) -> FileOutcome? {
        guard let key = ObjectKey(hex: hex), !commitKeys.isEmpty else { return nil }
        let pathNumber = intern(path)
        let blobNumber: Int32
        let isNew: Bool
        if let known = blobIndex[key] {
            blobNumber = known
            isNew = false
        } else {
            blobNumber = Int32(blobIndex.count)
            blobIndex[key] = blobNumber
            isNew = true
        }
        // Only the first commit that adds this blob at this path is kept (a revert or a merge's
        // first-parent diff adds the same pair again later).
        if seenPairs.insert(HistoryScanIndex.pair(blob: blobNumber, path: pathNumber)).inserted {
            introductionBlobs.append(blobNumber)
            introductionPaths.append(pathNumber)
            introductionCommits.append(Int32(commitKeys.count - 1))
        }
        return FileOutcome(blob: blobNumber, path: pathNumber, isNewBlob: isNew)
    }

    /// Records that the current commit changes `path` away from `blob` (the old side of a change).
    /// When the range never introduced `blob` at `path`, that content predates the range: it is
    /// kept as a boundary pair. Returns the blob's number and whether it still has to be read
    /// (never met before), or nil for a malformed id or when nothing needs recording.
    mutating func addOldSide(blob hex: [UInt8], path: [UInt8]) -> FileOutcome? {
        guard let key = ObjectKey(hex: hex), !commitKeys.isEmpty else { return nil }
        let known = blobIndex[key]
        if let known, let pathNumber = pathIndex[ByteKey(path)], seenPairs.contains(HistoryScanIndex.pair(blob: known, path: pathNumber)) {
            return nil
        }
        let pathNumber = intern(path)
        let blobNumber: Int32
        if let known {
            blobNumber = known
        } else {
            blobNumber = Int32(blobIndex.count)
            blobIndex[key] = blobNumber
        }
        guard boundarySeen.insert(HistoryScanIndex.pair(blob: blobNumber, path: pathNumber)).inserted else { return nil }
        boundaryPairs[blobNumber, default: []].append(pathNumber)
        return FileOutcome(blob: blobNumber, path: pathNumber, isNewBlob: known == nil)
    }

    private mutating func intern(_ path: [UInt8]) -> Int32 {
        let key = ByteKey(path)
        if let known = pathIndex[key] { return known }
        let number = Int32(paths.count)
        paths.append(path)
        pathIndex[key] = number
        return number
    }

    /// Records one entry of HEAD's tree; paths and blobs the history never introduced are irrelevant.
    mutating func addHeadEntry(blob hex: [UInt8], path: [UInt8]) {
        hasHead = true
        guard let key = ObjectKey(hex: hex), let blob = blobIndex[key] else { return }
        headBlobs.insert(blob)
        if let path = pathIndex[ByteKey(path)] {
            headPairs.insert(HistoryScanIndex.pair(blob: blob, path: path))
        }
    }

    /// Marks that HEAD exists even if its tree is empty.
    mutating func markHeadPresent() {
        hasHead = true
    }

    /// The finished, immutable index.
    func build(skipped: [SkippedBlob]) -> HistoryScanIndex {
        // Counting sort by blob keeps each blob's introductions in the order they were met.
        let blobCount = blobIndex.count
        var start = [Int32](repeating: 0, count: blobCount + 1)
        for blob in introductionBlobs { start[Int(blob) + 1] += 1 }
        for index in 0..<blobCount { start[index + 1] += start[index] }
        var next = start
        var sortedPaths = [Int32](repeating: 0, count: introductionBlobs.count)
        var sortedCommits = [Int32](repeating: 0, count: introductionBlobs.count)
        for (slot, blob) in introductionBlobs.enumerated() {
            let target = Int(next[Int(blob)])
            next[Int(blob)] += 1
            sortedPaths[target] = introductionPaths[slot]
            sortedCommits[target] = introductionCommits[slot]
        }
        return HistoryScanIndex(
            commitCount: commitKeys.count, uniqueBlobCount: blobCount,
            introductionCount: introductionBlobs.count, skipped: skipped, linkEntryCount: linkEntryCount,
            hasHead: hasHead, hashLength: hashLength, blobIndex: blobIndex, paths: paths,
            pathIndex: pathIndex, commitKeys: commitKeys, commitTimestamps: commitTimestamps,
            commitAuthors: commitAuthors, authors: authors, introductionsStart: start,
            introductionPaths: sortedPaths, introductionCommits: sortedCommits, headPairs: headPairs,
            headBlobs: headBlobs, boundaryPairs: boundaryPairs)
    }
}

/// Formats Unix timestamps as ISO 8601 in UTC without Foundation's locale-dependent formatters.
enum UTCDate {
    /// `2023-11-14T22:13:20Z` for 1_700_000_000.
    static func iso8601(_ timestamp: Int) -> String {
        let days = timestamp >= 0 ? timestamp / 86_400 : (timestamp - 86_399) / 86_400
        let seconds = timestamp - days * 86_400
        // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = "\(value)"
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        let date = "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
        let time = "\(padded(seconds / 3600, 2)):\(padded(seconds % 3600 / 60, 2)):\(padded(seconds % 60, 2))"
        return date + "T" + time + "Z"
    }
}

/// Bytes as a dictionary key, hashed in one pass (an `[UInt8]` key is hashed byte by byte, which
/// shows in profiles of large histories).
struct ByteKey: Hashable, Sendable {
    /// The bytes.
    let bytes: [UInt8]

    /// Wraps `bytes`.
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
