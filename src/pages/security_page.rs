//! Security: this device's verification, recovery (key backup with a recovery key),
//! and the account's devices.

use leptos::prelude::*;

use crate::components::{
    ConfirmIdentity, DeviceList, ErrorAlert, RecoveryKeyForm, RecoveryKeyView,
};
use crate::i18n::t;
use crate::matrix::encryption::ResetStep;
use crate::matrix::models::{DeviceTrust, RecoveryStatus, SecurityStatus};
use crate::matrix::uia::{Challenge, Confirmation};
use crate::state::run_action;
use crate::state::security::use_security;

#[component]
pub fn SecurityPage() -> impl IntoView {
    let status = use_security().status();
    view! {
        <section class="lt-settings lt-security" aria-labelledby="lt-security-title">
            <h2 id="lt-security-title" class="lt-settings__title">{t("security-title")}</h2>
            <ThisDevice status />
            <Recovery status />
            <DeviceList />
        </section>
    }
}

/// Whether this device is verified, and the two ways to verify it.
#[component]
fn ThisDevice(status: Signal<SecurityStatus>) -> impl IntoView {
    let security = use_security();
    let verify_with_device = move |_| security.verification.start_self();
    view! {
        <h3>{t("security-this-device")}</h3>
        {move || match status.get().device {
            DeviceTrust::Verified => view! { <p role="status">{t("security-device-verified")}</p> }.into_any(),
            DeviceTrust::Unknown => view! { <p role="status">{t("security-checking")}</p> }.into_any(),
            DeviceTrust::Unverified => view! {
                <p>{t("security-device-unverified")}</p>
                <button class="lt-button" type="button" on:click=verify_with_device>{t("security-verify-with-device")}</button>
                <ErrorAlert error=security.verification.error />
                <RecoveryKeyForm />
            }.into_any(),
        }}
    }
}

/// Recovery: set it up, change the key, or start over when the key is lost.
#[component]
fn Recovery(status: Signal<SecurityStatus>) -> impl IntoView {
    let new_key = use_security().new_recovery_key;
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None);
    // Setting up and changing both end in a new key to show.
    let new_key_from = move |change: bool| {
        run_action(
            move |session| async move {
                if change {
                    session.change_recovery_key().await
                } else {
                    session.enable_recovery().await
                }
            },
            busy,
            error,
            move |key| new_key.set(Some(key)),
        );
    };
    let set_up = move |_| new_key_from(false);
    let change = move |_| new_key_from(true);
    let on_saved = Callback::new(move |()| new_key.set(None));
    let current = move || {
        let status = status.get();
        match (status.recovery, status.device) {
            (RecoveryStatus::Enabled, _) => view! {
                <p role="status">{t("recovery-on")}</p>
                <button class="lt-button" type="button" disabled=busy on:click=change>{t("recovery-change-key")}</button>
            }.into_any(),
            (RecoveryStatus::Disabled, DeviceTrust::Verified) => view! {
                <p>{t("recovery-off")}</p>
                <button class="lt-button" type="button" disabled=busy on:click=set_up>{t("recovery-set-up")}</button>
            }.into_any(),
            (RecoveryStatus::Disabled, _) => view! {
                <p>{t("recovery-off-unverified")}</p>
            }.into_any(),
            // An unverified device already shows the key form above.
            (RecoveryStatus::Incomplete, DeviceTrust::Unverified) => ().into_any(),
            (RecoveryStatus::Incomplete, _) => view! {
                <p>{t("recovery-incomplete")}</p>
                <RecoveryKeyForm />
            }.into_any(),
            (RecoveryStatus::Unknown, _) => view! { <p role="status">{t("security-checking")}</p> }.into_any(),
        }
    };
    view! {
        <h3>{t("recovery-title")}</h3>
        // The reset form stays put while the status changes under it (a reset that
        // failed half way turns recovery off, and its error must stay readable).
        {move || match new_key.get() {
            Some(key) => view! { <RecoveryKeyView key on_saved /> }.into_any(),
            None => view! { {current} <ResetIdentity new_key /> }.into_any(),
        }}
        <Show when=move || busy.get()><p role="status">{t("recovery-working")}</p></Show>
        <ErrorAlert error />
    }
}

/// Starting over when the recovery key is lost, after saying exactly what is lost;
/// then confirming it is you in the way the server asks (the password, or single
/// sign-on again).
#[component]
fn ResetIdentity(new_key: RwSignal<Option<String>>) -> impl IntoView {
    let open = RwSignal::new(false);
    let challenge = RwSignal::new(None::<Challenge>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None);
    let reset = move |confirmation: Option<Confirmation>| {
        run_action(
            move |session| async move { session.reset_identity(confirmation).await },
            busy,
            error,
            move |step| match step {
                ResetStep::Confirm(asked) => challenge.set(Some(asked)),
                ResetStep::Done(key) => {
                    open.set(false);
                    challenge.set(None);
                    new_key.set(Some(key));
                }
            },
        );
    };
    let start = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        reset(None);
    };
    view! {
        <Show when=move || open.get()
            fallback=move || view! {
                <button class="lt-button lt-button--quiet" type="button" on:click=move |_| open.set(true)>{t("reset-identity-open")}</button>
            }>
            <div class="lt-form lt-security__reset">
                <p role="alert">{t("reset-identity-warning")}</p>
                {move || match challenge.get() {
                    None => view! {
                        <form on:submit=start>
                            <button class="lt-button lt-button--danger" type="submit" disabled=busy>{t("reset-identity-confirm")}</button>
                        </form>
                    }.into_any(),
                    Some(asked) => view! {
                        <p>{t("reset-identity-started")}</p>
                        <ConfirmIdentity challenge=asked busy id="lt-reset-confirm-password"
                            submit_label=t("reset-identity-finish")
                            on_answer=Callback::new(move |answer| reset(Some(answer))) />
                    }.into_any(),
                }}
                <ErrorAlert error />
                <button class="lt-button lt-button--quiet" type="button" on:click=move |_| {
                    open.set(false);
                    // A reset waiting for confirmation is let go; the old backup stays
                    // off, and the security status says so.
                    if challenge.get_untracked().is_some() {
                        challenge.set(None);
                        run_action(
                            |session| async move {
                                session.cancel_reset_identity().await;
                                Ok(())
                            },
                            busy,
                            error,
                            |()| {},
                        );
                    }
                }>{t("reset-identity-cancel")}</button>
            </div>
        </Show>
    }
}
