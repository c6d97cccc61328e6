/// The pairs of terms one document writes next to each other, taken from the positions the
/// index keeps (at most `SearchIndex.maximumPositions` per term, among the first
/// `SearchIndex.positionLimit` syllables): term `b` follows term `a` when some kept position
/// of `b` is one past a kept position of `a`. The phrase bonus used to be found from these
/// positions in the browser; the index now lists, for each pair, the documents that have it,
/// which ranks the same and spares a query every position of its syllables.
struct AdjacentTerms {
    /// Position → the term written there, -1 where none was noted.
    private var termAt = [Int32](repeating: -1, count: SearchIndex.positionLimit + 1)
    private var noted: [Int32] = []

    /// A term of the document and its kept positions.
    mutating func note(_ term: Int, _ positions: ArraySlice<Int32>) {
        for position in positions where position >= 0 && Int(position) < SearchIndex.positionLimit {
            termAt[Int(position)] = Int32(term)
            noted.append(position)
        }
    }

    /// The pairs (first, second) noted since the last call, each once, in order; then forgets
    /// them, ready for the next document.
    mutating func pairs() -> [(Int32, Int32)] {
        var found: [(Int32, Int32)] = []
        for position in noted {
            let next = termAt[Int(position) + 1]
            if next >= 0 { found.append((termAt[Int(position)], next)) }
        }
        for position in noted { termAt[Int(position)] = -1 }
        noted.removeAll(keepingCapacity: true)
        found.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var unique: [(Int32, Int32)] = []
        for pair in found where unique.last.map({ $0 != pair }) ?? true { unique.append(pair) }
        return unique
    }
}
