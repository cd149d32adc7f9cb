//! The browser's search panel: typing narrows the hits, Tab widens the scope, Enter
//! jumps to the chosen card and remembers the hits for n / N.

use std::collections::HashMap;

use nucleo_matcher::Matcher;

use super::{App, Screen};
use crate::action::Action;
use crate::keymap::Context;
use crate::model::Card;
use crate::search::{Running, SLICE, Scope, SearchIndex, SearchState};

/// The open search and what searching needs from the rest of the App, borrowed apart.
struct Searching<'a> {
    state: &'a mut SearchState,
    index: &'a SearchIndex,
    cards: &'a [Card],
    matcher: &'a mut Matcher,
    notes: &'a HashMap<String, String>,
}

impl App {
    /// The open search with the index, cards, matcher and own answers beside it.
    fn searching(&mut self) -> Option<Searching<'_>> {
        let App {
            screens,
            index,
            deck,
            matcher,
            notes,
            ..
        } = self;
        let state = screens.iter_mut().find_map(|s| match s {
            Screen::Browse(b) => b.search.as_mut(),
            _ => None,
        })?;
        Some(Searching {
            state,
            index,
            cards: &deck.cards,
            matcher,
            notes,
        })
    }

    fn search_mut(&mut self) -> Option<&mut SearchState> {
        self.screens.iter_mut().find_map(|s| match s {
            Screen::Browse(b) => b.search.as_mut(),
            _ => None,
        })
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let Some(state) = self.search_mut() else {
            return;
        };
        let mut requery = false;
        let mut widen = None;
        match action {
            Action::Input(c) => {
                state.query.push(c);
                requery = true;
            }
            Action::Backspace => {
                state.query.pop();
                requery = true;
            }
            Action::SearchScope => {
                state.scope = match state.scope {
                    Scope::Questions => Scope::AllFields,
                    Scope::AllFields => Scope::Questions,
                };
                widen = Some(state.scope);
                requery = true;
            }
            Action::SearchNext | Action::Scroll(_, _, 1..) => {
                state.selected = (state.selected + 1).min(state.hits.len().saturating_sub(1));
            }
            Action::SearchPrev | Action::Scroll(_, _, ..=-1) => {
                state.selected = state.selected.saturating_sub(1);
            }
            Action::SearchCancel => self.close_search(),
            Action::SearchAccept => self.accept_search(),
            _ => {}
        }
        if let Some(scope) = widen {
            // Widening the scope builds the full-text index, not the next keystroke.
            self.index.prepare(&self.deck.cards, scope);
        }
        if requery {
            self.requery();
        }
    }

    fn close_search(&mut self) {
        self.with_browse(|b, _| b.search = None);
    }

    fn accept_search(&mut self) {
        self.finish_search();
        let Some(state) = self.search_mut() else {
            return;
        };
        let hits: Vec<usize> = state.hits.iter().map(|h| h.card).collect();
        let chosen = hits.get(state.selected).copied();
        let words: Vec<String> = state.query.split_whitespace().map(str::to_string).collect();
        self.close_search();
        let Some(card) = chosen else {
            return;
        };
        let n = hits.len();
        self.with_browse(|b, _| {
            b.last_hits = hits;
            b.highlight = words;
        });
        self.jump_to_card(card);
        let next = self.key_for(Context::Browse, Action::NextMatch);
        let prev = self.key_for(Context::Browse, Action::PrevMatch);
        self.message = Some(format!(
            "{n} {}: {next} / {prev} for the next and previous",
            if n == 1 { "match" } else { "matches" }
        ));
    }

    /// Searches again after the query or the scope changed: the first slice of the
    /// cards now, the rest in idle moments (`search_idle_step`).
    fn requery(&mut self) {
        let Some(Searching { state, cards, .. }) = self.searching() else {
            return;
        };
        // A query that only grew, in the same scope, can only match fewer cards. A
        // query of only spaces was not searched, so its (empty) hits say nothing.
        let previous: Option<Vec<usize>> = match &state.searched {
            Some((q, scope))
                if *scope == state.scope
                    && !q.trim().is_empty()
                    && state.query.starts_with(q.as_str()) =>
            {
                Some(state.hits.iter().map(|h| h.card).collect())
            }
            _ => None,
        };
        state.running = Some(Running::new(cards, &state.query, state.scope, previous));
        state.searched = None;
        state.selected = 0;
        self.search_step(SLICE);
    }

    /// True while a search is going through the cards.
    pub(super) fn search_running(&self) -> bool {
        self.browse()
            .and_then(|b| b.search.as_ref())
            .is_some_and(|s| s.running.is_some())
    }

    /// Searches the next slice of the cards; the hits shown are the best so far, or
    /// every hit once the last slice is searched.
    pub(super) fn search_idle_step(&mut self) {
        self.search_step(SLICE);
    }

    /// Searches every card left now, as Enter needs every hit for n / N.
    fn finish_search(&mut self) {
        self.search_step(usize::MAX);
    }

    /// Searches the next `slice` cards of the running search: its best hits so far are
    /// shown, or every hit once no card is left.
    fn search_step(&mut self, slice: usize) {
        if let Some(Searching {
            state,
            index,
            cards,
            matcher,
            ..
        }) = self.searching()
            && let Some(run) = state.running.as_mut()
            && !run.step(index, cards, slice, matcher)
        {
            state.hits = run.best_so_far(index, cards, matcher);
        }
        self.finish_search_if_done();
    }

    /// Once the running search has gone through every card: every hit ranked, then the
    /// cards whose own answer matches.
    fn finish_search_if_done(&mut self) {
        let Some(Searching {
            state,
            index,
            cards,
            matcher,
            notes,
        }) = self.searching()
        else {
            return;
        };
        if !state.running.as_ref().is_some_and(Running::is_done) {
            return;
        }
        let Some(run) = state.running.take() else {
            return;
        };
        let among = run.among().map(<[usize]>::to_vec);
        state.hits = run.finish(index, cards, matcher);
        if state.scope == Scope::AllFields && !notes.is_empty() {
            // The person's own answers are searched too; their cards come after the
            // cards whose own text matched. Marks, not list lookups, keep this linear.
            let mut skip = vec![false; cards.len()];
            for hit in &state.hits {
                skip[hit.card] = true;
            }
            let allowed = among.map(|p| {
                let mut marks = vec![false; cards.len()];
                for &c in &p {
                    marks[c] = true;
                }
                marks
            });
            let found: Vec<usize> = (0..cards.len())
                .filter(|&c| !skip[c] && allowed.as_ref().is_none_or(|m| m[c]))
                .filter(|&c| {
                    let card = &cards[c];
                    notes.get(&card.id).is_some_and(|note| {
                        crate::search::snippet::note_matches(note, &card.question, &state.query)
                    })
                })
                .collect();
            state
                .hits
                .extend(found.into_iter().map(|card| crate::search::Hit {
                    card,
                    score: 0,
                    indices: Vec::new(),
                }));
        }
        state.searched = Some((state.query.clone(), state.scope));
    }
}
