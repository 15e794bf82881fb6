/// Every table of a document while it is being read, in one arena: tables are numbers, their
/// keys a linked list through one array; a table with more than a few keys is also indexed in
/// one dictionary mapping (table, key) to the entry, smaller ones are searched linearly.
/// Creating a table allocates nothing of its own, adding a key deep in the document is one
/// bounded search per key part, and nothing is ever copied (with value-typed tables,
/// `root[a][b][c] = x` copies every table on the way). `freeze` turns a table into a value once.
struct DocumentBuilder {
    /// How a table came to exist; decides which later headers and dotted keys may add to it.
    enum Origin: Equatable {
        /// Created on the way to a deeper header (`a` for `[a.b]`); a later `[a]` may still define it.
        case implied
        /// The root, an inline table, or a table defined by `[header]` or as a `[[header]]` element.
        case defined
        /// Created or extended by dotted keys in the given section (the statements after one
        /// header, or one inline table); only that section's dotted keys may add to it.
        case dotted(section: Int)
    }

    /// What a key holds while the document is being read.
    enum Item {
        /// A finished value: scalars, arrays written with `[...]`, inline tables.
        case value(TOMLValue)
        /// A table that headers or dotted keys may still add to.
        case table(Int)
        /// An array of tables (`[[name]]`), by its number; its last element takes the following keys.
        case tables(Int)
    }

    struct Table {
        var origin: Origin
        /// See `TOMLTable.position`.
        var position: TOMLPosition?
        /// Nesting level: the root is 0, each table or array below adds one.
        let depth: Int
        var firstEntry = -1
        var lastEntry = -1
        var count = 0
    }

    private struct Entry {
        let key: String
        let item: Item
        let position: TOMLPosition
        var next = -1
    }

    private struct Slot: Hashable {
        let table: Int
        let key: String
    }

    /// Tables with at most this many keys are searched linearly rather than hashed: most tables
    /// are small, and hashing every key of half a million tiny tables dominated the run time.
    private static let linearSearchLimit = 8

    private(set) var tables: [Table] = []
    private var entries: [Entry] = []
    private var slots: [Slot: Int] = [:]
    /// Elements (table numbers) of each array of tables; never empty.
    private(set) var arraysOfTables: [[Int]] = []

    /// A new table, with no keys yet.
    mutating func newTable(_ origin: Origin, position: TOMLPosition?, depth: Int) -> Int {
        tables.append(Table(origin: origin, position: position, depth: depth))
        return tables.count - 1
    }

    /// A new array of tables holding `first`.
    mutating func newArrayOfTables(first: Int) -> Int {
        arraysOfTables.append([first])
        return arraysOfTables.count - 1
    }

    /// Appends `element` to array of tables `array`.
    mutating func append(_ element: Int, to array: Int) {
        arraysOfTables[array].append(element)
    }

    mutating func setOrigin(_ origin: Origin, of table: Int) { tables[table].origin = origin }

    mutating func setPosition(_ position: TOMLPosition, of table: Int) { tables[table].position = position }

    /// What `key` holds in `table` and where it was first written.
    func lookup(_ key: String, in table: Int) -> (item: Item, position: TOMLPosition)? {
        guard let slot = slot(of: key, in: table) else { return nil }
        return (entries[slot].item, entries[slot].position)
    }

    private func slot(of key: String, in table: Int) -> Int? {
        if tables[table].count > Self.linearSearchLimit { return slots[Slot(table: table, key: key)] }
        var slot = tables[table].firstEntry
        while slot >= 0 {
            if entries[slot].key == key { return slot }
            slot = entries[slot].next
        }
        return nil
    }

    /// Adds `key`, which must be new, to `table`.
    mutating func add(_ key: String, _ item: Item, at position: TOMLPosition, to table: Int) {
        let slot = entries.count
        entries.append(Entry(key: key, item: item, position: position))
        let last = tables[table].lastEntry
        if last >= 0 { entries[last].next = slot } else { tables[table].firstEntry = slot }
        tables[table].lastEntry = slot
        tables[table].count += 1
        let count = tables[table].count
        if count == Self.linearSearchLimit + 1 {
            // The table outgrew linear search: index every key it has.
            var indexed = tables[table].firstEntry
            while indexed >= 0 {
                slots[Slot(table: table, key: entries[indexed].key)] = indexed
                indexed = entries[indexed].next
            }
        } else if count > Self.linearSearchLimit + 1 {
            slots[Slot(table: table, key: key)] = slot
        }
    }

    /// The finished table. Recursion is bounded by `TOMLTable.maximumDepth`.
    func freeze(_ table: Int) -> TOMLTable {
        var frozen: [TOMLTable.Entry] = []
        frozen.reserveCapacity(tables[table].count)
        var slot = tables[table].firstEntry
        while slot >= 0 {
            let entry = entries[slot]
            let value: TOMLValue
            switch entry.item {
            case .value(let finished): value = finished
            case .table(let child): value = .table(freeze(child))
            case .tables(let array): value = .array(arraysOfTables[array].map { .table(freeze($0)) })
            }
            frozen.append(TOMLTable.Entry(key: entry.key, value: value, position: entry.position))
            slot = entry.next
        }
        return TOMLTable(entries: frozen, position: tables[table].position)
    }
}
