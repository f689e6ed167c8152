//! The decision graph as Graphviz DOT: questions, the rules that read them, and what each
//! rule selects. For maintainers (`sos graph | dot -Tsvg`).

use crate::content::{Content, When};
use std::fmt::Write;

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn edges(out: &mut String, when: &When, to: &str, style: &str) {
    for (fact, values) in when {
        let _ = writeln!(out, "  {} -> {} [label={}{}];", quote(fact), quote(to), quote(&values.join(" | ")), style);
    }
}

pub fn dot(c: &Content) -> String {
    let mut out = String::from("digraph decisions {\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n");
    for q in &c.questions {
        let _ = writeln!(out, "  {} [shape=diamond];", quote(&q.id));
        edges(&mut out, &q.asked_when, &q.id, ", style=dashed");
    }
    let _ = writeln!(out, "  \"route\" [shape=diamond, style=filled, fillcolor=lightyellow];");
    for r in &c.routes {
        let _ = writeln!(out, "  {} [shape=doubleoctagon];", quote(&r.id));
        let _ = writeln!(out, "  {} -> \"route\";", quote(&r.id));
    }
    for s in &c.steps {
        let _ = writeln!(out, "  {} [shape=box];", quote(&s.id));
        // The answers that change the wording of its officer sentence.
        for v in &s.officer_variants {
            edges(&mut out, &v.when, &s.id, ", style=dotted");
        }
    }
    for w in &c.warnings {
        let _ = writeln!(out, "  {} [shape=box, style=rounded, color=red];", quote(&w.id));
    }
    for u in &c.unknowns {
        let _ = writeln!(out, "  {} [shape=box, style=dotted];", quote(&u.id));
    }
    for r in &c.rules {
        let _ = writeln!(out, "  {} [shape=ellipse, fontsize=10, tooltip={}];", quote(&r.id), quote(&r.sources.join(", ")));
        edges(&mut out, &r.when, &r.id, "");
        let _ = writeln!(out, "  {} -> {};", quote(&r.id), quote(&r.selects));
    }
    out.push_str("}\n");
    out
}
