//! Ordering the incident table: which columns sort, in which direction, and a total order on
//! rows (ties broken by id) so a page of the table is the same on every machine.

use crate::data::schema::{fold_case, impl_slug, slug_enum, Basis, Incident, Slug};

slug_enum! {
    /// Incident-table columns that can be sorted; `sort=` in the URL.
    SortColumn {
        Date = "date" / "Date",
        Name = "name" / "Incident",
        Category = "category" / "Victim",
        Vector = "vector" / "Vector",
        Attribution = "attribution" / "Attribution",
        Loss = "loss" / "Loss",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

impl Default for Sort {
    /// Largest losses first: what a reader scanning the table wants to see.
    fn default() -> Self {
        Sort {
            column: SortColumn::Loss,
            descending: true,
        }
    }
}

impl Sort {
    /// Clicking a header: the same column flips direction, a new one starts at its natural
    /// direction (text ascending, amounts and dates descending).
    pub fn clicked(self, column: SortColumn) -> Sort {
        if self.column == column {
            Sort {
                column,
                descending: !self.descending,
            }
        } else {
            Sort {
                column,
                descending: matches!(column, SortColumn::Loss | SortColumn::Date),
            }
        }
    }
}

impl_slug!(SortColumn);

impl Sort {
    fn compare(self, a: &Incident, b: &Incident, basis: Basis) -> std::cmp::Ordering {
        let order = match self.column {
            SortColumn::Date => a.date.cmp(&b.date),
            SortColumn::Name => fold_case(&a.name).cmp(&fold_case(&b.name)),
            SortColumn::Category => a.category.label().cmp(b.category.label()),
            SortColumn::Vector => a.vector.label().cmp(b.vector.label()),
            SortColumn::Attribution => a.attribution.cmp(&b.attribution),
            SortColumn::Loss => a.value(basis).cmp(&b.value(basis)),
        };
        let order = if self.descending {
            order.reverse()
        } else {
            order
        };
        order.then_with(|| a.id.cmp(&b.id))
    }

    /// Orders rows for the table (ties broken by id, so the order is total); losses are
    /// compared on `basis`, as the table shows them.
    pub fn apply(self, rows: &mut [&Incident], basis: Basis) {
        rows.sort_by(|a, b| self.compare(a, b, basis));
    }

    /// The first `limit` of `indices` (positions in `rows`) in order, without sorting the
    /// rest: the table shows a page at a time, and selecting is linear where a full sort of
    /// 100k rows is not.
    pub fn top(self, rows: &[Incident], indices: &mut Vec<u32>, limit: usize, basis: Basis) {
        indices.retain(|i| (*i as usize) < rows.len());
        let compare =
            |a: &u32, b: &u32| self.compare(&rows[*a as usize], &rows[*b as usize], basis);
        if indices.len() > limit && limit > 0 {
            indices.select_nth_unstable_by(limit - 1, compare);
            indices.truncate(limit);
        }
        if limit == 0 {
            indices.clear();
        }
        // The order is total (ties go by id), so an unstable sort gives the same order.
        indices.sort_unstable_by(compare);
    }
}

/// Orders a short list (tens of items: events, groups, reported figures) by `key`, keeping
/// equal items in order. An insertion sort: each use costs the wasm a few bytes, where the
/// standard library's sort costs a few KB per type it sorts. Not for the table's rows.
pub fn sort_short_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The first `limit` of `indices` (positions in `rows`) in `sort` order, as positions.
pub fn sorted_page(
    rows: &[Incident],
    indices: &[u32],
    sort: Sort,
    limit: usize,
    basis: Basis,
) -> Vec<u32> {
    let mut page = indices.to_vec();
    sort.top(rows, &mut page, limit, basis);
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::INCIDENTS;

    #[test]
    fn short_lists_sort_like_the_standard_library_and_keep_ties_in_order() {
        let items: Vec<(u8, usize)> = [5, 3, 9, 3, 1, 5, 0, 9, 2]
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i))
            .collect();
        let mut ours = items.clone();
        sort_short_by_key(&mut ours, |(k, _)| *k);
        let mut std = items;
        std.sort_by_key(|(k, _)| *k);
        assert_eq!(ours, std);
    }

    #[test]
    fn default_sort_puts_the_largest_loss_first() {
        for basis in Basis::ALL.iter().copied() {
            let mut rows: Vec<_> = INCIDENTS.iter().collect();
            Sort::default().apply(&mut rows, basis);
            assert!(rows
                .windows(2)
                .all(|w| w[0].value(basis) >= w[1].value(basis)));
        }
    }

    #[test]
    fn top_rows_equal_the_head_of_a_full_sort() {
        for sort in [
            Sort::default(),
            Sort {
                column: SortColumn::Name,
                descending: false,
            },
        ] {
            let mut full: Vec<_> = INCIDENTS.iter().collect();
            sort.apply(&mut full, Basis::Realised);
            let all: Vec<u32> = (0..INCIDENTS.len() as u32).collect();
            let top: Vec<_> = sorted_page(INCIDENTS, &all, sort, 25, Basis::Realised)
                .into_iter()
                .map(|i| &INCIDENTS[i as usize])
                .collect();
            assert_eq!(top, full[..25].to_vec());
        }
    }

    #[test]
    fn clicking_a_header_twice_flips_direction() {
        let s = Sort::default().clicked(SortColumn::Name);
        assert_eq!(
            s,
            Sort {
                column: SortColumn::Name,
                descending: false
            }
        );
        assert!(s.clicked(SortColumn::Name).descending);
        let mut rows: Vec<_> = INCIDENTS.iter().collect();
        s.apply(&mut rows, Basis::Realised);
        assert!(rows
            .windows(2)
            .all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
    }
}
