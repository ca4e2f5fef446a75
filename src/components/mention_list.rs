use leptos::prelude::*;

use super::Avatar;
use crate::i18n::t;
use crate::matrix::models::MemberSummary;

/// The members matching an `@` being typed; the composer moves `active` with the
/// arrow keys and picks with Enter or Tab, or a click picks.
#[component]
pub fn MentionList(
    /// The list's element id; options are `{id}-{index}`.
    id: String,
    suggestions: Memo<Vec<MemberSummary>>,
    active: RwSignal<usize>,
    on_pick: Callback<MemberSummary>,
) -> impl IntoView {
    let list_id = id.clone();
    view! {
        <ul id=list_id class="lt-mentions" role="listbox" aria-label=t("mention-list")
            hidden=move || suggestions.with(Vec::is_empty)>
            {move || suggestions.get().into_iter().enumerate().map(|(index, member)| {
                let option_id = format!("{id}-{index}");
                let picked = member.clone();
                view! {
                    <li id=option_id class="lt-mentions__item" role="option"
                        aria-selected=move || (active.get() == index).to_string()
                        // Keeps focus in the textarea.
                        on:mousedown=move |event| event.prevent_default()
                        on:click=move |_| on_pick.run(picked.clone())>
                        <Avatar name=member.name.clone() mxc=member.avatar.clone() />
                        <bdi class="lt-mentions__name">{member.name.clone()}</bdi>
                        <span class="lt-mentions__id">{member.user_id.clone()}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
