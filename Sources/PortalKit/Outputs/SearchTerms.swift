/// A language's folded terms and exact forms, numbered in the order first met. The numbers
/// are private to one build and its cache (the index's files name terms by their text).
struct TermTable {
    private(set) var terms: [String] = []
    private(set) var forms: [String] = []
    private var termIDs: [String: Int32] = [:]
    private var formIDs: [String: Int32] = [:]

    init() {}

    init(terms: [String], forms: [String]) {
        for term in terms { _ = self.term(term) }
        for form in forms { _ = self.form(form) }
    }

    mutating func term(_ text: String) -> Int32 { Self.id(of: text, &terms, &termIDs) }

    mutating func form(_ text: String) -> Int32 { Self.id(of: text, &forms, &formIDs) }

    private static func id(of text: String, _ list: inout [String], _ ids: inout [String: Int32]) -> Int32 {
        if let id = ids[text] { return id }
        let id = Int32(list.count)
        ids[text] = id
        list.append(text)
        return id
    }
}

/// One document's share of the search index: each term it holds with its score, its first
/// positions and the exact forms it is written in; and the document's excerpt. What reading
/// the document costs (its body's text, every syllable folded) is done once and kept here, so
/// a rebuild after one edit reads one document again rather than thousands.
///
/// The terms are kept encoded, as the cache file holds them: for each term its id, score,
/// number of positions and positions, number of forms and form ids (ids in a `TermTable`), all
/// varints. A language of 5,000 posts is 17 MB so, against twice that as arrays; a cache that
/// is loaded is sliced, not decoded, and a document is decoded once, when the index takes it.
struct DocumentTerms: Sendable {
    var excerpt: String
    var bytes: ArraySlice<UInt8>

    /// One term of the document.
    struct Entry: Equatable {
        var term: Int32
        var score: Int32
        var positions: [Int32]
        var forms: [Int32]
    }

    init(excerpt: String, entries: [Entry]) {
        var writer = ByteWriter()
        writer.varint(entries.count)
        for entry in entries {
            Self.encode(Int(entry.term), entry.score, entry.positions[...], entry.forms[...], into: &writer)
        }
        self.init(excerpt: excerpt, bytes: writer.bytes[...])
    }

    /// One term in the format above (after the count of terms, which the writer puts first).
    static func encode(
        _ term: Int, _ score: Int32, _ positions: ArraySlice<Int32>, _ forms: ArraySlice<Int32>,
        into writer: inout ByteWriter
    ) {
        writer.varint(term)
        writer.varint(Int(score))
        writer.varint(positions.count)
        for position in positions { writer.varint(Int(position)) }
        writer.varint(forms.count)
        for form in forms { writer.varint(Int(form)) }
    }

    init(excerpt: String, bytes: ArraySlice<UInt8>) {
        self.excerpt = excerpt
        self.bytes = bytes
    }

    /// One term as `forEachEntry` hands it over: the lists are valid during the call only.
    typealias EntryBody = (
        _ term: Int, _ score: Int32, _ positions: ArraySlice<Int32>, _ forms: ArraySlice<Int32>
    ) -> Void

    /// Calls `body` with each term's id and score, positions and forms, in order; nil when the
    /// bytes are not such a list, or name a term or form past `terms` or `forms` (then `body`
    /// has not been called: the bytes are checked and decoded in one pass, into flat arrays, and
    /// handed over only once all of them are known good).
    func forEachEntry(terms: Int, forms: Int, _ body: EntryBody) -> Void? {
        var reader = ByteReader(bytes: bytes)
        guard let count = reader.varint(), count <= bytes.count else { return nil }
        var heads: [(term: Int, score: Int32, positionsEnd: Int, formsEnd: Int)] = []
        var positions: [Int32] = []
        var formIDs: [Int32] = []
        heads.reserveCapacity(count)
        for _ in 0..<count {
            guard let term = reader.varint(), term < terms, let score = reader.varint(), score <= Int32.max,
                let positionCount = reader.varint(), positionCount <= bytes.count
            else { return nil }
            for _ in 0..<positionCount {
                guard let position = reader.varint(), position <= Int32.max else { return nil }
                positions.append(Int32(position))
            }
            guard let formCount = reader.varint(), formCount <= bytes.count else { return nil }
            for _ in 0..<formCount {
                guard let form = reader.varint(), form < forms else { return nil }
                formIDs.append(Int32(form))
            }
            heads.append((term, Int32(score), positions.count, formIDs.count))
        }
        guard reader.isAtEnd else { return nil }
        var (positionsStart, formsStart) = (0, 0)
        for head in heads {
            body(
                head.term, head.score, positions[positionsStart..<head.positionsEnd],
                formIDs[formsStart..<head.formsEnd])
            (positionsStart, formsStart) = (head.positionsEnd, head.formsEnd)
        }
        return ()
    }

    /// The terms decoded, for tests and for renumbering.
    func entries(terms: Int, forms: Int) -> [Entry]? {
        var entries: [Entry] = []
        let valid = forEachEntry(terms: terms, forms: forms) { term, score, positions, forms in
            entries.append(Entry(term: Int32(term), score: score, positions: Array(positions), forms: Array(forms)))
        }
        return valid == nil ? nil : entries
    }
}

/// Reads documents into `DocumentTerms`. Millions of syllables, a few thousand distinct: each
/// distinct syllable (as bytes: Swift strings hash through Unicode normalisation) is folded
/// once, when first met, and remembered with its term and form.
struct SearchTokenizer {
    private var reader = SyllableReader()
    private var syllables = SyllableTable()
    private var syllableTerm: [Int32] = []  // syllable id → term id, -1 when it folds to nothing
    private var syllableForm: [Int32] = []  // syllable id → exact form id
    /// Term id → its share of the document being read: which document (a count of the
    /// documents read), and its slot in `slots`.
    private var marks: [(document: Int32, slot: Int32)] = []
    /// Form id → the last document it was met in (a form belongs to one term: the term is the
    /// form without its tone).
    private var formMarks: [Int32] = []
    private var documentsRead: Int32 = 0

    /// The terms of the document being read, in the order met, and beside them, reused from
    /// one document to the next (no arrays per term: a document has hundreds of terms):
    /// `maximumPositions` places per slot in `slotPositions`, and the forms after each one's
    /// first (a term is rarely written two ways in one document) in `moreForms`.
    private var slots: [(term: Int32, score: Int32, positionCount: Int32, form: Int32, inTitle: Bool)] = []
    /// How often each slot's term has counted in the field being read (`occurrencesCounted`).
    private var fieldCounts: [Int32] = []
    private var slotPositions: [Int32] = []
    private var moreForms: [(slot: Int32, form: Int32)] = []
    private var formBuffer: [Int32] = []

    /// `fields` are (text, weight) in reading order, the title first; positions run on across
    /// them, with a gap of 8 between fields so that no phrase spans two. A term's score is
    /// twice its weighted count, plus one when the title holds it (`SearchIndex.titleBit`).
    /// Each term is also handed to `each` as it is encoded (what `DocumentTerms.forEachEntry`
    /// gives), so that a document just read is not decoded again.
    mutating func read(
        _ fields: [(String, Int)], excerpt: String, table: inout TermTable,
        each: DocumentTerms.EntryBody = { _, _, _, _ in }
    ) -> DocumentTerms {
        documentsRead += 1
        let document = documentsRead
        let perSlot = SearchIndex.maximumPositions
        slots.removeAll(keepingCapacity: true)
        moreForms.removeAll(keepingCapacity: true)
        fieldCounts.removeAll(keepingCapacity: true)
        var position = 0
        for (field, (text, weight)) in fields.enumerated() {
            for slot in fieldCounts.indices { fieldCounts[slot] = 0 }
            reader.forEachSyllable(in: text) { syllable in
                let (sid, isNew) = syllables.id(of: syllable)
                if isNew {
                    let string = String(decoding: syllable, as: UTF8.self)
                    let folded = SearchText.fold(string)
                    if folded.isEmpty {
                        syllableTerm.append(-1)
                        syllableForm.append(-1)
                    } else {
                        syllableTerm.append(table.term(folded))
                        syllableForm.append(table.form(SearchText.exact(string)))
                    }
                }
                let term = syllableTerm[sid]
                guard term >= 0 else { return }
                let form = syllableForm[sid]
                while marks.count <= Int(term) { marks.append((-1, -1)) }
                while formMarks.count <= Int(form) { formMarks.append(-1) }
                if marks[Int(term)].document != document {
                    marks[Int(term)] = (document, Int32(slots.count))
                    slots.append((term, 0, 0, form, false))
                    fieldCounts.append(0)
                    if slotPositions.count < slots.count * perSlot {
                        slotPositions += repeatElement(0, count: perSlot * 64)
                    }
                } else if formMarks[Int(form)] != document {
                    moreForms.append((marks[Int(term)].slot, form))
                }
                formMarks[Int(form)] = document
                let slot = Int(marks[Int(term)].slot)
                if fieldCounts[slot] < SearchIndex.occurrencesCounted {
                    fieldCounts[slot] += 1
                    slots[slot].score += Int32(weight)
                }
                if field == 0 { slots[slot].inTitle = true }
                let count = Int(slots[slot].positionCount)
                if position < SearchIndex.positionLimit, count < perSlot {
                    slotPositions[slot * perSlot + count] = Int32(position)
                    slots[slot].positionCount += 1
                }
                position += 1
            }
            position += 8
        }
        // Encoded as `DocumentTerms` keeps them, straight from the slots.
        moreForms.sort { $0.slot < $1.slot }
        var more = 0
        var writer = ByteWriter()
        writer.varint(slots.count)
        for (k, slot) in slots.enumerated() {
            let positions = slotPositions[(k * perSlot)..<(k * perSlot + Int(slot.positionCount))]
            formBuffer.removeAll(keepingCapacity: true)
            formBuffer.append(slot.form)
            while more < moreForms.count, moreForms[more].slot == Int32(k) {
                formBuffer.append(moreForms[more].form)
                more += 1
            }
            let score = slot.score * 2 + (slot.inTitle ? SearchIndex.titleBit : 0)
            DocumentTerms.encode(Int(slot.term), score, positions, formBuffer[...], into: &writer)
            each(Int(slot.term), score, positions, formBuffer[...])
        }
        return DocumentTerms(excerpt: excerpt, bytes: writer.bytes[...])
    }
}
