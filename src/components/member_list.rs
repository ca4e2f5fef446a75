use leptos::prelude::*;

use super::{Avatar, ErrorAlert};
use crate::error::AppError;
use crate::i18n::{t, t_args};
use crate::matrix::discovery::server_from_user_id;
use crate::matrix::models::MemberSummary;

/// Joined members with their power level, most powerful first.
#[component]
pub fn MemberList(
    members: RwSignal<Option<Result<Vec<MemberSummary>, AppError>>>,
    /// Our own user ID: we do not verify ourselves from here.
    own_user_id: String,
    on_verify: Callback<String>,
) -> impl IntoView {
    let own_server = server_from_user_id(&own_user_id).map(str::to_owned);
    let error = Signal::derive(move || {
        members.with(|m| m.as_ref().and_then(|r| r.as_ref().err().cloned()))
    });
    view! {
        <aside class="lt-members" id="lt-member-list" aria-label=t("members-label")>
            <h3 class="lt-members__title">{t("members-label")}</h3>
            <ErrorAlert error />
            {move || match members.get() {
                None => view! { <p role="status">{t("loading")}</p> }.into_any(),
                Some(Err(_)) => ().into_any(),
                Some(Ok(list)) => view! {
                    <ul class="lt-members__list">
                        {list.into_iter().map(|member| {
                            let can_verify = !member.verified && member.user_id != own_user_id;
                            let user_id = member.user_id.clone();
                            let verify_label = t_args("member-verify-named", &[("name", &member.name)]);
                            // People of another organisation: their server tells two
                            // of the same name apart.
                            let server = server_from_user_id(&member.user_id)
                                .filter(|server| Some(*server) != own_server.as_deref())
                                .map(str::to_owned);
                            view! {
                                <li class="lt-members__item">
                                    <Avatar name=member.name.clone() mxc=member.avatar.clone() />
                                    <span class="lt-members__name" title=member.user_id.clone()>{member.name.clone()}</span>
                                    {server.map(|server| view! { <span class="lt-members__server">{server}</span> })}
                                    {role(member.power_level).map(|role| view! { <span class="lt-members__role">{role}</span> })}
                                    {member.verified.then(|| view! { <span class="lt-members__verified">{t("member-verified")}</span> })}
                                    {can_verify.then(|| view! {
                                        <button class="lt-button lt-button--small lt-button--quiet" type="button" aria-label=verify_label
                                            on:click=move |_| on_verify.run(user_id.clone())>{t("member-verify")}</button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </aside>
    }
}

fn role(level: Option<i64>) -> Option<String> {
    match level {
        None => Some(t("power-creator")),
        Some(100..) => Some(t("power-admin")),
        Some(50..) => Some(t("power-moderator")),
        Some(0) => None,
        Some(level) => Some(t_args("power-level", &[("level", &level.to_string())])),
    }
}
