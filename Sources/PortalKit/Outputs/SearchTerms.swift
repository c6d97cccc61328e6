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
/// Flat arrays: term `k` is `terms[k]`, scored `scores[k]`, at
/// `positions[positionEnds[k - 1]..<positionEnds[k]]`, in the forms
/// `forms[formEnds[k - 1]..<formEnds[k]]` (ids in a `TermTable`).
struct DocumentTerms {
    var excerpt: String
    var terms: [Int32] = []
    var scores: [Int32] = []
    var positionEnds: [Int32] = []
    var positions: [Int32] = []
    var formEnds: [Int32] = []
    var forms: [Int32] = []

    func positions(_ k: Int) -> ArraySlice<Int32> {
        positions[(k == 0 ? 0 : Int(positionEnds[k - 1]))..<Int(positionEnds[k])]
    }

    func forms(_ k: Int) -> ArraySlice<Int32> { forms[(k == 0 ? 0 : Int(formEnds[k - 1]))..<Int(formEnds[k])] }

    /// The same document with its ids translated through `map` (old id → new id).
    func renumbered(terms termMap: [Int32], forms formMap: [Int32]) -> DocumentTerms {
        var copy = self
        copy.terms = terms.map { termMap[Int($0)] }
        copy.forms = forms.map { formMap[Int($0)] }
        return copy
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
    private var slots: [(term: Int32, score: Int32, positionCount: Int32, form: Int32)] = []
    private var slotPositions: [Int32] = []
    private var moreForms: [(slot: Int32, form: Int32)] = []

    /// `fields` are (text, weight) in reading order; positions run on across them, with a gap
    /// of 8 between fields so that no phrase spans two.
    mutating func read(_ fields: [(String, Int)], excerpt: String, table: inout TermTable) -> DocumentTerms {
        documentsRead += 1
        let document = documentsRead
        let perSlot = SearchIndex.maximumPositions
        slots.removeAll(keepingCapacity: true)
        moreForms.removeAll(keepingCapacity: true)
        var position = 0
        for (text, weight) in fields {
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
                    slots.append((term, 0, 0, form))
                    if slotPositions.count < slots.count * perSlot {
                        slotPositions += repeatElement(0, count: perSlot * 64)
                    }
                } else if formMarks[Int(form)] != document {
                    moreForms.append((marks[Int(term)].slot, form))
                }
                formMarks[Int(form)] = document
                let slot = Int(marks[Int(term)].slot)
                slots[slot].score += Int32(weight)
                let count = Int(slots[slot].positionCount)
                if position < SearchIndex.positionLimit, count < perSlot {
                    slotPositions[slot * perSlot + count] = Int32(position)
                    slots[slot].positionCount += 1
                }
                position += 1
            }
            position += 8
        }
        moreForms.sort { $0.slot < $1.slot }
        var more = 0
        var terms = DocumentTerms(excerpt: excerpt)
        terms.terms.reserveCapacity(slots.count)
        for (k, slot) in slots.enumerated() {
            terms.terms.append(slot.term)
            terms.scores.append(slot.score)
            terms.positions += slotPositions[(k * perSlot)..<(k * perSlot + Int(slot.positionCount))]
            terms.positionEnds.append(Int32(terms.positions.count))
            terms.forms.append(slot.form)
            while more < moreForms.count, moreForms[more].slot == Int32(k) {
                terms.forms.append(moreForms[more].form)
                more += 1
            }
            terms.formEnds.append(Int32(terms.forms.count))
        }
        return terms
    }
}
