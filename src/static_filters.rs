//! The filter panel as HTML for the pre-rendered first screen (`first_screen`), in the live
//! panel's markup (`ui::filter_panel`) with the default selection's choices and counts, so that
//! on a wide screen the column beside the chart is there before the app, and the app's own
//! panel replaces it without a visible change. It is `inert` (nothing in it can be used or
//! focused until the app has replaced it: a tick there would be lost), has no `id` or
//! `data-testid` of the live panel's, and its radio group has a name of its own, since a
//! browser groups same-named radios across the page.

use crate::data::{Attribution, Basis, SlugSet};
use crate::format::escape_html as esc;
use crate::query::{Breakdown, FacetValue, Filters};
use std::fmt::Write;

/// The panel for `filters` (the first screen's: the defaults) with `b`'s counts.
pub fn filter_panel_html(filters: &Filters, b: &Breakdown) -> String {
    let mut html = String::from(
        "<aside class=\"filters static-filters static-default\" aria-label=\"Filters\" inert>",
    );
    let _ = write!(
        html,
        "<div class=\"filters-head\"><h2>Filters</h2><button type=\"button\" class=\"reset\"{}>Reset all</button></div>\
         <label class=\"search\"><span>Search names and notes</span><input type=\"search\" maxlength=\"100\" value=\"{}\"></label>\
         <label class=\"option dprk-shortcut\"><input type=\"checkbox\"{}><span class=\"option-label\">DPRK-linked only (confirmed + suspected)</span></label>",
        disabled(filters.is_empty()),
        esc(&filters.text),
        checked(filters.attributions == Attribution::dprk_linked()),
    );
    html.push_str("<fieldset class=\"facet basis\"><legend>Count losses as</legend>");
    for &basis in Basis::ALL {
        let _ = write!(
            html,
            "<label class=\"option\"><input type=\"radio\" name=\"static-basis\"{}><span class=\"option-label\">{}</span></label>",
            checked(filters.basis == basis),
            esc(basis.label())
        );
    }
    html.push_str("</fieldset>");
    facet(&mut html, "Year", filters.years, b);
    facet(&mut html, "Attribution", filters.attributions, b);
    facet(&mut html, "Kind of victim", filters.categories, b);
    facet(&mut html, "Attack vector", filters.vectors, b);
    facet(&mut html, "What counts", filters.effective_scopes(), b);
    // Closed, and the first screen's cannot be opened: its chain list and range inputs would be
    // parsed for nothing, and the two date inputs alone held the page's parsing back by about
    // 30 ms (the browser builds a date field's parts from the reader's locale).
    html.push_str(
        "<details class=\"more-filters\"><summary>Chain, size and dates</summary></details></aside>",
    );
    html
}

fn checked(yes: bool) -> &'static str {
    if yes {
        " checked"
    } else {
        ""
    }
}

fn disabled(yes: bool) -> &'static str {
    if yes {
        " disabled"
    } else {
        ""
    }
}

/// One checkbox list, each option with its count.
fn facet<T: FacetValue>(html: &mut String, legend: &str, selected: SlugSet<T>, b: &Breakdown) {
    let _ = write!(
        html,
        "<fieldset class=\"facet\"><legend>{}</legend>",
        esc(legend)
    );
    for &value in T::ALL {
        let count = b.facet_counts.of(value);
        let _ = write!(
            html,
            "<label class=\"option\"><input type=\"checkbox\"{}><span class=\"option-label\">{}</span>\
             <span class=\"count\" aria-label=\"{count} incidents\">{count}</span></label>",
            checked(selected.contains(value)),
            esc(value.label()),
        );
    }
    html.push_str("</fieldset>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Category, Vector, Year};

    #[test]
    fn the_panel_offers_every_choice_with_the_default_selections_counts() {
        let b = crate::canonical::breakdown();
        let html = filter_panel_html(&Filters::default(), &b);
        for &year in Year::ALL {
            assert!(html.contains(&format!(
                "{}</span><span class=\"count\" aria-label=\"{n} incidents\">{n}</span>",
                year.label(),
                n = b.facet_counts.of(year)
            )));
        }
        for &category in Category::ALL {
            assert!(html.contains(&format!(">{}</span>", esc(category.label()))));
        }
        for &vector in Vector::ALL {
            assert!(html.contains(&format!(">{}</span>", esc(vector.label()))));
        }
        // Thefts count unless unticked: ticked by default, the other kinds not.
        let ticked = html.matches("<input type=\"checkbox\" checked>").count();
        assert_eq!(ticked, Filters::default().effective_scopes().len());
        // One basis chosen, in a radio group of its own.
        assert_eq!(html.matches("name=\"static-basis\" checked").count(), 1);
        assert!(!html.contains("name=\"basis\""));
        // The closed "more" section holds nothing to parse.
        assert!(html.contains("<summary>Chain, size and dates</summary></details>"));
        assert!(!html.contains("type=\"date\""));
        assert!(html.contains("class=\"reset\" disabled"));
        assert!(html.contains(" inert>"));
        assert!(!html.contains("data-testid") && !html.contains(" id="));
    }
}
