use leptos::prelude::*;

use super::{Dialog, ErrorAlert};
use crate::i18n::{t, t_args};
use crate::matrix::models::{SasEmoji, VerificationPhase};
use crate::state::security::VerificationView;

/// The verification under way, from request to done: who, the seven emoji to
/// compare, and the buttons for each step.
#[component]
pub fn VerificationDialog(verification: VerificationView) -> impl IntoView {
    let open = RwSignal::new(false);
    // A memo: repeated reports of the same phase must not rebuild the body (and lose
    // the focused button).
    let reported = verification.phase();
    let phase = Memo::new(move |_| reported.get());
    Effect::new(move |_| open.set(phase.with(Option::is_some)));
    // Escape or the close button: cancel what is under way, or just close.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if was_open == Some(true) && !is_open && phase.with_untracked(Option::is_some) {
            verification.close();
        }
        is_open
    });
    let other = verification.other_user();
    let is_self = verification.is_self();
    let is_incoming = verification.is_incoming();
    let busy = verification.busy;
    let who = move || {
        if is_self.get() {
            t("verification-other-device")
        } else {
            other.get()
        }
    };
    let body = move || {
        match phase.get() {
        None => ().into_any(),
        Some(VerificationPhase::Waiting) => view! {
            <p role="status">{move || if is_self.get() { t("verification-waiting-self") } else { t_args("verification-waiting", &[("user", &who())]) }}</p>
            <button class="lt-button lt-button--quiet" type="button" on:click=move |_| verification.close()>{t("verification-cancel")}</button>
        }.into_any(),
        Some(VerificationPhase::Incoming) => view! {
            <p role="status">{move || if is_self.get() { t("verification-incoming-self") } else { t_args("verification-incoming", &[("user", &who())]) }}</p>
            <div class="lt-dialog__actions">
                <button class="lt-button" type="button" disabled=busy on:click=move |_| verification.accept()>{t("verification-accept")}</button>
                <button class="lt-button lt-button--quiet" type="button" on:click=move |_| verification.close()>{t("verification-decline")}</button>
            </div>
        }.into_any(),
        Some(VerificationPhase::Starting) => view! {
            <p role="status">{t("verification-starting")}</p>
            <button class="lt-button lt-button--quiet" type="button" on:click=move |_| verification.close()>{t("verification-cancel")}</button>
        }.into_any(),
        Some(VerificationPhase::Compare(emoji)) => view! {
            <p>{t("verification-compare")}</p>
            <EmojiList emoji />
            <div class="lt-dialog__actions">
                <button class="lt-button" type="button" disabled=busy on:click=move |_| verification.confirm()>{t("verification-match")}</button>
                <button class="lt-button lt-button--danger" type="button" disabled=busy on:click=move |_| verification.mismatch()>{t("verification-no-match")}</button>
            </div>
        }.into_any(),
        Some(VerificationPhase::Confirmed) => view! {
            <p role="status">{t("verification-confirmed-waiting")}</p>
        }.into_any(),
        Some(VerificationPhase::Done) => view! {
            <p role="status">{move || match (is_self.get(), is_incoming.get()) {
                (true, false) => t("verification-done-self"),
                (true, true) => t("verification-done-other-device"),
                (false, _) => t_args("verification-done", &[("user", &who())]),
            }}</p>
            <button class="lt-button" type="button" on:click=move |_| verification.close()>{t("verification-close")}</button>
        }.into_any(),
        Some(VerificationPhase::Cancelled(reason)) => view! {
            <p role="alert">{t(reason)}</p>
            <button class="lt-button" type="button" on:click=move |_| verification.close()>{t("verification-close")}</button>
        }.into_any(),
    }
    };
    view! {
        <Dialog open title=t("verification-title")>
            <div class="lt-verification">
                {body}
                <ErrorAlert error=verification.error />
            </div>
        </Dialog>
    }
}

/// The seven emoji, each with its name, in the order both sides show them.
#[component]
fn EmojiList(emoji: Vec<SasEmoji>) -> impl IntoView {
    view! {
        <ol class="lt-verification__emoji" aria-label=t("verification-emoji-label")>
            {emoji.into_iter().map(|e| view! {
                <li class="lt-verification__emoji-item">
                    <span class="lt-verification__symbol" aria-hidden="true">{e.symbol}</span>
                    <span class="lt-verification__name">{e.description}</span>
                </li>
            }).collect_view()}
        </ol>
    }
}
