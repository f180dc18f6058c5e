//! The pathway map's geometry: stages as lanes, steps as boxes, arrows to the next steps.
//!
//! Computed here, not in the browser, so it is deterministic and tested natively: no two boxes
//! overlap, no arrow passes through a box, and no arrow crosses a lane's label. How:
//!
//! - lanes are horizontal bands, top to bottom, labelled in a rail on the left that arrows
//!   never enter;
//! - within a lane a step's row is one below its deepest predecessor in the same lane, so arrows
//!   inside a lane point down; the steps of a row sit side by side, centred;
//! - an arrow to the next row drops into the empty gap between the rows, runs across it and
//!   drops into its target; an arrow that skips rows (or goes back up) leaves through that gap
//!   to an outer gutter beside every box, runs along it and comes in through the gap above its
//!   target. Gaps and gutters hold no boxes, so arrows cannot cross one.
//!
//! Text is wrapped by an estimate of its width (characters times an average advance that errs
//! wide); the browser tests check the estimate against the real font.

/// Sizes in SVG user units (CSS pixels when the map is drawn at its natural size).
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    pub node_width: i32,
    pub node_padding: i32,
    pub line_height: i32,
    /// Average advance of one character of node text, erring wide.
    pub char_width: f32,
    pub rail_width: i32,
    pub rail_line_height: i32,
    pub rail_char_width: f32,
    /// Space between columns; the outer two carry arrows that skip rows.
    pub gutter: i32,
    /// Space between rows of the same lane.
    pub row_gap: i32,
    /// Space between a lane's edge and its first or last row.
    pub lane_padding: i32,
}

/// Room each character keeps for a reader's own text spacing (WCAG 1.4.12: letters 0.12em
/// apart, words 0.16em, about one space in six characters), so the words still fit their box
/// when the reader's style sheet spaces them out: 0.12 × 15px plus 0.16 × 15px ÷ 6.
const SPACING_ROOM: f32 = 2.2;

impl Default for Metrics {
    /// Node text at 15px, rail text at 14px bold, in a system sans-serif, each character with
    /// [`SPACING_ROOM`] to spare.
    fn default() -> Self {
        Metrics {
            node_width: 210,
            node_padding: 10,
            line_height: 20,
            char_width: 8.6 + SPACING_ROOM,
            rail_width: 132,
            rail_line_height: 19,
            rail_char_width: 9.0 + SPACING_ROOM,
            gutter: 32,
            row_gap: 40,
            lane_padding: 20,
        }
    }
}

impl Metrics {
    /// Scripts whose letters run wider than Latin get a wider estimate.
    pub fn for_script(wide: bool) -> Metrics {
        let mut metrics = Metrics::default();
        if wide {
            metrics.char_width = 10.0 + SPACING_ROOM;
            metrics.rail_char_width = 10.5 + SPACING_ROOM;
        }
        metrics
    }

    fn chars_per_line(&self) -> usize {
        (((self.node_width - 2 * self.node_padding) as f32) / self.char_width).floor() as usize
    }

    fn rail_chars_per_line(&self) -> usize {
        (((self.rail_width - 2 * self.node_padding) as f32) / self.rail_char_width).floor() as usize
    }
}

/// What to lay out: lane labels, steps with their lane and text, and the arrows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Graph {
    pub lanes: Vec<String>,
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GraphNode {
    pub id: String,
    /// Index into `Graph::lanes`; out of range means the last lane.
    pub lane: usize,
    /// Paragraphs of text, each starting on a new line: e.g. "Step 3", the title, "(Optional)".
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphEdge {
    pub from: usize,
    pub to: usize,
    /// One of several alternatives ("or"), drawn dashed.
    pub alternative: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Rect {
    pub fn right(&self) -> i32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> i32 {
        self.y + self.h
    }
    pub fn centre_x(&self) -> i32 {
        self.x + self.w / 2
    }
}

/// A line of text: which paragraph it belongs to, and where its baseline is.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub paragraph: usize,
    pub x: i32,
    pub baseline: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    pub id: String,
    pub rect: Rect,
    pub row: usize,
    pub lines: Vec<Line>,
    /// Where each arrow key goes from here (indices into `MapLayout::nodes`).
    pub up: Option<usize>,
    pub down: Option<usize>,
    pub left: Option<usize>,
    pub right: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaneBox {
    /// Index into `Graph::lanes`.
    pub lane: usize,
    pub rect: Rect,
    pub label: Rect,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EdgePath {
    pub from: usize,
    pub to: usize,
    pub alternative: bool,
    /// Corners of an orthogonal line, from the source's bottom to the target's top.
    pub points: Vec<(i32, i32)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapLayout {
    pub width: i32,
    pub height: i32,
    pub lanes: Vec<LaneBox>,
    /// In reading order: row by row, left to right (the order of the arrow keys).
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<EdgePath>,
}

impl MapLayout {
    pub fn node(&self, id: &str) -> Option<&NodeBox> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// Whether a word longer than a line may be cut between `before` and `after`: never inside a
/// Bengali letter cluster (before a vowel sign, candrabindu or nukta, or after a hasanta, which
/// joins two consonants), where the cut would draw a dotted circle or a broken conjunct.
fn may_cut(before: char, after: char) -> bool {
    let mark = matches!(
        after,
        '\u{0981}'..='\u{0983}'
            | '\u{09BC}'
            | '\u{09BE}'..='\u{09CD}'
            | '\u{09D7}'
            | '\u{09E2}'..='\u{09E3}'
            | '\u{200C}'..='\u{200D}'
    );
    !mark && before != '\u{09CD}' && before != '\u{200D}'
}

/// Greedy word wrap to `width` characters; a word longer than a line is split, between letter
/// clusters (see `may_cut`).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            let cut = (1..=width)
                .rev()
                .find(|&k| may_cut(word[k - 1], word[k]))
                .unwrap_or(width);
            lines.push(word.drain(..cut).collect());
        }
        let len = word.len();
        if len == 0 {
            continue;
        }
        if used > 0 && used + 1 + len > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        line.extend(word);
        used += len;
    }
    if used > 0 {
        lines.push(line);
    }
    lines
}

/// Lays out `graph`. Deterministic: the same graph and metrics give the same layout.
pub fn layout(graph: &Graph, metrics: &Metrics) -> MapLayout {
    let n = graph.nodes.len();
    if n == 0 {
        return MapLayout::default();
    }
    let lane_count = graph.lanes.len().max(1);
    let lane_of = |i: usize| graph.nodes[i].lane.min(lane_count - 1);
    let edges: Vec<GraphEdge> = graph
        .edges
        .iter()
        .copied()
        .filter(|e| e.from < n && e.to < n && e.from != e.to)
        .collect();

    // Rows within each lane: one below the deepest predecessor in the same lane. Bounded
    // relaxation, so a cycle (which the validator reports) cannot loop forever.
    let mut depth = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for e in &edges {
            if lane_of(e.from) == lane_of(e.to) && depth[e.to] < depth[e.from] + 1 {
                depth[e.to] = (depth[e.from] + 1).min(n);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut lane_rows: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for lane in 0..lane_count {
        let members: Vec<usize> = (0..n).filter(|&i| lane_of(i) == lane).collect();
        let Some(deepest) = members.iter().map(|&i| depth[i]).max() else {
            continue;
        };
        let first = rows.len();
        for d in 0..=deepest {
            let row: Vec<usize> = members.iter().copied().filter(|&i| depth[i] == d).collect();
            if !row.is_empty() {
                rows.push(row);
            }
        }
        lane_rows.push((lane, first..rows.len()));
    }
    let mut row_of = vec![0usize; n];
    for (r, row) in rows.iter().enumerate() {
        for &i in row {
            row_of[i] = r;
        }
    }

    // Order each row under its predecessors (mean slot of the parents), then feed order.
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1) as i32;
    let pitch = metrics.node_width + metrics.gutter;
    let grid_left = metrics.rail_width + metrics.gutter;
    let mut slot = vec![0i32; n]; // in half pitches from the grid's left, for ordering
    for (r, row) in rows.iter_mut().enumerate() {
        let mut keyed: Vec<(i64, usize)> = row
            .iter()
            .map(|&i| {
                let parents: Vec<i32> = edges
                    .iter()
                    .filter(|e| e.to == i && row_of[e.from] < r)
                    .map(|e| slot[e.from])
                    .collect();
                let key = if parents.is_empty() {
                    i64::MAX
                } else {
                    parents.iter().map(|&s| i64::from(s)).sum::<i64>() * 1000 / parents.len() as i64
                };
                (key, i)
            })
            .collect();
        crate::order::by_key(&mut keyed, |&pair| pair);
        *row = keyed.into_iter().map(|(_, i)| i).collect();
        let offset = columns - row.len() as i32; // in half pitches
        for (k, &i) in row.iter().enumerate() {
            slot[i] = offset + 2 * k as i32;
        }
    }

    // Text and heights.
    let per_line = metrics.chars_per_line();
    let texts: Vec<Vec<(usize, String)>> = graph
        .nodes
        .iter()
        .map(|node| {
            node.paragraphs
                .iter()
                .enumerate()
                .flat_map(|(p, text)| wrap(text, per_line).into_iter().map(move |l| (p, l)))
                .collect()
        })
        .collect();
    let node_height =
        |i: usize| 2 * metrics.node_padding + metrics.line_height * texts[i].len().max(1) as i32;
    let row_height: Vec<i32> = rows
        .iter()
        .map(|row| row.iter().map(|&i| node_height(i)).max().unwrap_or(0))
        .collect();
    let rail_lines: Vec<Vec<String>> = graph
        .lanes
        .iter()
        .map(|label| wrap(label, metrics.rail_chars_per_line()))
        .collect();

    // Vertical placement, lane by lane.
    let mut row_top = vec![0i32; rows.len()];
    let mut lanes = Vec::new();
    let mut cursor = 0;
    for (lane, range) in &lane_rows {
        let lane_top = cursor;
        let mut y = lane_top + metrics.lane_padding;
        for r in range.clone() {
            row_top[r] = y;
            y += row_height[r] + metrics.row_gap;
        }
        let rows_bottom = y - metrics.row_gap + metrics.lane_padding;
        let label_lines = rail_lines.get(*lane).cloned().unwrap_or_default();
        let label_height =
            2 * metrics.node_padding + metrics.rail_line_height * label_lines.len() as i32;
        let lane_bottom = rows_bottom.max(lane_top + label_height + 2 * metrics.lane_padding);
        let label = Rect {
            x: 0,
            y: lane_top + metrics.lane_padding,
            w: metrics.rail_width,
            h: label_height,
        };
        let lines = label_lines
            .into_iter()
            .enumerate()
            .map(|(k, text)| Line {
                text,
                paragraph: 0,
                x: metrics.node_padding,
                baseline: label.y
                    + metrics.node_padding
                    + metrics.rail_line_height * k as i32
                    + metrics.rail_line_height * 3 / 4,
            })
            .collect();
        lanes.push((lane_top, lane_bottom, *lane, label, lines));
        cursor = lane_bottom;
    }
    let width = grid_left + columns * pitch;
    let height = cursor;
    let lanes: Vec<LaneBox> = lanes
        .into_iter()
        .map(|(top, bottom, lane, label, lines)| LaneBox {
            lane,
            rect: Rect {
                x: 0,
                y: top,
                w: width,
                h: bottom - top,
            },
            label,
            lines,
        })
        .collect();

    // Boxes, in reading order.
    let order: Vec<usize> = rows.iter().flatten().copied().collect();
    let mut index_of = vec![0usize; n];
    for (k, &i) in order.iter().enumerate() {
        index_of[i] = k;
    }
    let rect_of = |i: usize| Rect {
        x: grid_left + slot[i] * pitch / 2,
        y: row_top[row_of[i]],
        w: metrics.node_width,
        h: node_height(i),
    };
    let mut nodes: Vec<NodeBox> = order
        .iter()
        .map(|&i| {
            let rect = rect_of(i);
            let lines = texts[i]
                .iter()
                .enumerate()
                .map(|(k, (paragraph, text))| Line {
                    text: text.clone(),
                    paragraph: *paragraph,
                    x: rect.x + metrics.node_padding,
                    baseline: rect.y
                        + metrics.node_padding
                        + metrics.line_height * k as i32
                        + metrics.line_height * 3 / 4,
                })
                .collect();
            NodeBox {
                id: graph.nodes[i].id.clone(),
                rect,
                row: row_of[i],
                lines,
                up: None,
                down: None,
                left: None,
                right: None,
            }
        })
        .collect();
    neighbours(&mut nodes);

    // Arrows.
    let row_bottom = |r: usize| row_top[r] + row_height[r];
    let gap_above = |r: usize| {
        if r == 0 {
            row_top[0] - metrics.lane_padding / 2
        } else {
            (row_bottom(r - 1) + row_top[r]) / 2
        }
    };
    let gap_below = |r: usize| {
        if r + 1 < rows.len() {
            (row_bottom(r) + row_top[r + 1]) / 2
        } else {
            row_bottom(r) + metrics.lane_padding / 2
        }
    };
    let mut long_in_gutter = [0i32; 2];
    let mut paths = Vec::new();
    for e in &edges {
        let (s, t) = (rect_of(e.from), rect_of(e.to));
        let (sr, tr) = (row_of[e.from], row_of[e.to]);
        let (sx, tx) = (s.centre_x(), t.centre_x());
        let mut points = vec![(sx, s.bottom())];
        if tr == sr + 1 {
            let mid = gap_below(sr);
            if sx != tx {
                points.push((sx, mid));
                points.push((tx, mid));
            }
        } else {
            // Outer gutter on the source's side; spread arrows sharing it a little apart.
            let right = 2 * sx > grid_left + width;
            let side = usize::from(right);
            let spread = (long_in_gutter[side] % 3) * 6 - 6;
            long_in_gutter[side] += 1;
            let gx = if right {
                width - metrics.gutter / 2 + spread
            } else {
                metrics.rail_width + metrics.gutter / 2 + spread
            };
            let (below, above) = (gap_below(sr), gap_above(tr));
            points.extend([(sx, below), (gx, below), (gx, above), (tx, above)]);
        }
        points.push((tx, t.y));
        paths.push(EdgePath {
            from: index_of[e.from],
            to: index_of[e.to],
            alternative: e.alternative,
            points,
        });
    }
    MapLayout {
        width,
        height,
        lanes,
        nodes,
        edges: paths,
    }
}

/// Left and right follow reading order; up and down go to the nearest box in the row above or
/// below (by horizontal distance, then the leftmost).
fn neighbours(nodes: &mut [NodeBox]) {
    let count = nodes.len();
    let rows = nodes.last().map_or(0, |n| n.row + 1);
    // The boxes of each row, so finding the nearest box above or below scans one row only.
    let mut by_row: Vec<Vec<usize>> = vec![Vec::new(); rows];
    for (k, node) in nodes.iter().enumerate() {
        if let Some(row) = by_row.get_mut(node.row) {
            row.push(k);
        }
    }
    let nearest = |nodes: &[NodeBox], row: usize, x: i32| {
        by_row
            .get(row)?
            .iter()
            .copied()
            .min_by_key(|&k| ((nodes[k].rect.centre_x() - x).abs(), k))
    };
    for k in 0..count {
        let (row, x) = (nodes[k].row, nodes[k].rect.centre_x());
        let up = row.checked_sub(1).and_then(|r| nearest(nodes, r, x));
        let down = (row + 1 < rows)
            .then(|| nearest(nodes, row + 1, x))
            .flatten();
        let node = &mut nodes[k];
        node.left = k.checked_sub(1);
        node.right = (k + 1 < count).then_some(k + 1);
        node.up = up;
        node.down = down;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Feed;

    pub(crate) fn sample_feed() -> Feed {
        crate::parse_feed(include_str!("../../../../www/feed/tower-hamlets.json"))
            .expect("the sample feed parses")
    }

    /// A segment (axis-aligned) passes through the inside of a rectangle.
    fn crosses(a: (i32, i32), b: (i32, i32), r: &Rect) -> bool {
        let (x1, x2) = (a.0.min(b.0), a.0.max(b.0));
        let (y1, y2) = (a.1.min(b.1), a.1.max(b.1));
        x1 < r.right() && x2 > r.x && y1 < r.bottom() && y2 > r.y
    }

    fn overlap(a: &Rect, b: &Rect) -> bool {
        a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
    }

    /// Every promise the map makes, checked on one layout.
    pub(crate) fn check(graph: &Graph, metrics: &Metrics, map: &MapLayout) {
        assert_eq!(map.nodes.len(), graph.nodes.len(), "every step is drawn");
        for (i, a) in map.nodes.iter().enumerate() {
            assert!(
                a.rect.x >= metrics.rail_width,
                "{} is right of the rail",
                a.id
            );
            assert!(a.rect.right() <= map.width && a.rect.bottom() <= map.height);
            for b in &map.nodes[i + 1..] {
                assert!(!overlap(&a.rect, &b.rect), "{} overlaps {}", a.id, b.id);
            }
            let inner = metrics.node_width - 2 * metrics.node_padding;
            for line in &a.lines {
                let width = line.text.chars().count() as f32 * metrics.char_width;
                assert!(width <= inner as f32, "{:?} fits its box", line.text);
                assert!(line.baseline < a.rect.bottom() && line.baseline > a.rect.y);
            }
            let lane = map
                .lanes
                .iter()
                .find(|l| l.rect.y <= a.rect.y && a.rect.bottom() <= l.rect.bottom());
            assert!(lane.is_some(), "{} lies inside one lane", a.id);
        }
        for lane in &map.lanes {
            assert!(
                lane.label.bottom() <= lane.rect.bottom(),
                "label fits its lane"
            );
            for line in &lane.lines {
                let width = line.text.chars().count() as f32 * metrics.rail_char_width;
                assert!(width <= (metrics.rail_width - 2 * metrics.node_padding) as f32);
            }
        }
        for edge in &map.edges {
            let (from, to) = (&map.nodes[edge.from], &map.nodes[edge.to]);
            assert_eq!(
                edge.points.first(),
                Some(&(from.rect.centre_x(), from.rect.bottom()))
            );
            assert_eq!(edge.points.last(), Some(&(to.rect.centre_x(), to.rect.y)));
            for pair in edge.points.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                assert!(a.0 == b.0 || a.1 == b.1, "segments are straight");
                for node in &map.nodes {
                    assert!(
                        !crosses(a, b, &node.rect),
                        "arrow {} -> {} crosses {}",
                        from.id,
                        to.id,
                        node.id
                    );
                }
                for lane in &map.lanes {
                    assert!(!crosses(a, b, &lane.label), "arrow crosses a lane label");
                }
                assert!(a.0 >= 0 && a.0 <= map.width && a.1 >= 0 && a.1 <= map.height);
            }
        }
        // The arrow keys reach every step: right walks them all in reading order.
        let mut seen = 0;
        let mut at = Some(0);
        while let Some(k) = at {
            seen += 1;
            at = map.nodes[k].right;
        }
        assert_eq!(seen, map.nodes.len());
    }

    fn graph_of(pathway: &crate::feed::Pathway) -> Graph {
        let lanes = pathway
            .stages
            .iter()
            .map(|s| s.title.all()[0].to_owned())
            .collect();
        let nodes = pathway
            .steps
            .iter()
            .map(|s| GraphNode {
                id: s.id.clone(),
                lane: pathway
                    .stages
                    .iter()
                    .position(|st| st.id == s.stage)
                    .unwrap_or(usize::MAX),
                paragraphs: vec!["Step 10".into(), s.title.all()[0].to_owned()],
            })
            .collect();
        let index = |id: &str| pathway.steps.iter().position(|s| s.id == id);
        let edges = pathway
            .steps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                s.next.iter().flat_map(move |next| {
                    next.steps.iter().filter_map(move |id| {
                        Some(GraphEdge {
                            from: i,
                            to: index(id)?,
                            alternative: next.logic == crate::feed::Logic::Any,
                        })
                    })
                })
            })
            .collect();
        Graph {
            lanes,
            nodes,
            edges,
        }
    }

    #[test]
    fn the_sample_pathways_lay_out_cleanly() {
        let feed = sample_feed();
        for pathway in &feed.pathways {
            for wide in [false, true] {
                let metrics = Metrics::for_script(wide);
                let graph = graph_of(pathway);
                let map = layout(&graph, &metrics);
                check(&graph, &metrics, &map);
                assert_eq!(map, layout(&graph, &metrics), "deterministic");
                assert!(map.width <= 900, "{} fits a 60rem page", pathway.id);
            }
        }
    }

    #[test]
    fn the_autism_pathway_reads_top_to_bottom_with_branches_side_by_side() {
        let feed = sample_feed();
        let map = layout(
            &graph_of(feed.pathway("autism").unwrap()),
            &Metrics::default(),
        );
        let row = |id: &str| map.node(id).unwrap().row;
        assert_eq!(row("notice"), 0);
        assert!(row("referral") < row("waiting-list"));
        assert!(
            row("waiting-list") < row("assessment"),
            "lanes run in stage order"
        );
        assert_eq!(row("family-support"), row("support-in-setting"));
        assert_eq!(row("review-support"), row("ehc-request"));
        // Down from the decision goes to one of its two next steps; right walks reading order.
        let decision = map.node("decision").unwrap();
        let down = &map.nodes[decision.down.unwrap()].id;
        assert!(down == "family-support" || down == "support-in-setting");
        assert_eq!(map.nodes[0].left, None);
        assert_eq!(map.lanes.len(), 3);
    }

    /// A small deterministic generator (a linear congruential one), so failures reproduce.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % below.max(1)
        }
    }

    fn generated(seed: u64) -> Graph {
        let mut rng = Lcg(seed);
        let lanes: Vec<String> = (0..1 + rng.next(5))
            .map(|k| "Stage with a fairly long name ".repeat(1 + rng.next(2)) + &k.to_string())
            .collect();
        let count = 1 + rng.next(28);
        let mut nodes = Vec::new();
        for i in 0..count {
            let words: Vec<String> = (0..1 + rng.next(14))
                .map(|_| {
                    let longest = if rng.next(10) == 0 { 40 } else { 11 };
                    "w".repeat(1 + rng.next(longest))
                })
                .collect();
            nodes.push(GraphNode {
                id: format!("s{i}"),
                lane: rng.next(lanes.len() + 1), // sometimes out of range
                paragraphs: vec![format!("Step {}", i + 1), words.join(" ")],
            });
        }
        let mut edges = Vec::new();
        for from in 0..count {
            for _ in 0..rng.next(4) {
                let to = rng.next(count);
                // Mostly forward, sometimes back up or across lanes.
                edges.push(GraphEdge {
                    from,
                    to,
                    alternative: rng.next(2) == 0,
                });
            }
        }
        Graph {
            lanes,
            nodes,
            edges,
        }
    }

    #[test]
    fn generated_pathways_never_overlap_or_cross() {
        for seed in 0..400 {
            for wide in [false, true] {
                let graph = generated(seed);
                let metrics = Metrics::for_script(wide);
                let map = layout(&graph, &metrics);
                check(&graph, &metrics, &map);
            }
        }
    }

    #[test]
    fn wrapping_keeps_words_and_splits_only_what_cannot_fit() {
        assert_eq!(
            wrap("Talk to someone about your child's needs", 16),
            ["Talk to someone", "about your", "child's needs"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert!(wrap("   ", 5).is_empty());
    }

    #[test]
    fn a_long_bengali_word_is_split_between_letter_clusters_only() {
        // প্রতিবন্ধিতা is 12 code points: a cut after 9 would leave the vowel sign ি to start
        // the next line, and a cut after 8 would break the conjunct ন্ধ.
        assert_eq!(wrap("প্রতিবন্ধিতা", 9), ["প্রতিব", "ন্ধিতা"]);
        // Down to the widest cluster here (স্থ্য, 5 code points); narrower lines than any
        // cluster must cut inside one, and the map's lines hold 10 or more.
        for width in 5..12 {
            for pair in wrap("স্বাস্থ্য মূল্যায়নের প্রতিবন্ধিতা", width).windows(2)
            {
                let (end, start) = (
                    pair[0].chars().last().unwrap(),
                    pair[1].chars().next().unwrap(),
                );
                assert!(may_cut(end, start), "width {width}: {pair:?}");
            }
        }
    }

    #[test]
    fn an_empty_pathway_is_an_empty_map() {
        assert_eq!(
            layout(&Graph::default(), &Metrics::default()),
            MapLayout::default()
        );
    }
}
