use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ConfirmIdentity, ErrorAlert, TextField};
use crate::error::AppError;
use crate::i18n::{format_day, format_time, t, t_args};
use crate::matrix::models::{DeviceSummary, DeviceTrust};
use crate::matrix::uia::{Challenge, Confirmation};
use crate::state::{run_action, use_session};

/// The account's devices with their verification, renaming, and signing others out.
#[component]
pub fn DeviceList() -> impl IntoView {
    let devices = RwSignal::new(None::<Result<Vec<DeviceSummary>, AppError>>);
    // Taken now: reloads also run after an action, outside any reactive owner.
    let session = StoredValue::new_local(use_session().active());
    let reload = move || {
        let Some(session) = session.try_get_value().flatten() else {
            return;
        };
        spawn_local(async move {
            let listed = session.devices().await;
            let _ = devices.try_set(Some(listed));
        });
    };
    reload();
    let list_error = Signal::derive(move || {
        devices.with(|d| d.as_ref().and_then(|r| r.as_ref().err().cloned()))
    });
    let signing_out = RwSignal::new(None::<DeviceSummary>);
    // Owned here, not by the form: a sign-out that finishes after Cancel still
    // refreshes the list.
    let signed_out = Callback::new(move |()| {
        signing_out.set(None);
        reload();
    });
    view! {
        <h3>{t("devices-title")}</h3>
        <ErrorAlert error=list_error />
        {move || match devices.get() {
            None => view! { <p role="status">{t("loading")}</p> }.into_any(),
            Some(Err(_)) => ().into_any(),
            Some(Ok(list)) => view! {
                <ul class="lt-devices" aria-label=t("devices-title")>
                    {list.into_iter().map(|device| view! {
                        <DeviceItem device on_renamed=Callback::new(move |()| reload()) signing_out />
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
        {move || signing_out.get().map(|device| view! {
            <SignOutDevice device on_done=signed_out
                on_cancel=Callback::new(move |()| signing_out.set(None)) />
        })}
    }
}

#[component]
fn DeviceItem(
    device: DeviceSummary,
    on_renamed: Callback<()>,
    signing_out: RwSignal<Option<DeviceSummary>>,
) -> impl IntoView {
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(device.name.clone());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None);
    let id = StoredValue::new(device.id.clone());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let new_name = name.get_untracked();
        run_action(
            move |session| async move { session.rename_device(&id.get_value(), &new_name).await },
            busy,
            error,
            move |()| {
                renaming.set(false);
                // The list may have been re-rendered meanwhile.
                on_renamed.try_run(());
            },
        );
    };
    let shown_name = if device.name.trim().is_empty() {
        device.id.clone()
    } else {
        device.name.clone()
    };
    let last_seen = device.last_seen_ms.map(|ms| {
        t_args(
            "device-last-seen",
            &[("day", &format_day(ms)), ("time", &format_time(ms))],
        )
    });
    let trust = match device.trust {
        DeviceTrust::Verified => t("device-verified"),
        DeviceTrust::Unverified => t("device-unverified"),
        DeviceTrust::Unknown => t("device-trust-unknown"),
    };
    let other = (!device.is_current).then(|| device.clone());
    view! {
        <li class="lt-devices__item" class:lt-devices__item--verified=device.trust == DeviceTrust::Verified>
            <p class="lt-devices__name"><strong>{shown_name.clone()}</strong>
                {device.is_current.then(|| view! { " " <span class="lt-devices__tag">{t("device-current")}</span> })}</p>
            <p class="lt-devices__meta"><span translate="no">{device.id.clone()}</span>" · "{trust}{last_seen.map(|seen| view! { " · " {seen} })}</p>
            <Show when=move || renaming.get()
                fallback=move || view! {
                    <button class="lt-button lt-button--small" type="button" aria-label=t_args("device-rename-named", &[("device", &shown_name)])
                        on:click=move |_| renaming.set(true)>{t("device-rename")}</button>
                }>
                <form class="lt-form" on:submit=save>
                    <TextField id="lt-device-name" label=t("device-name") value=name />
                    <ErrorAlert error />
                    <button class="lt-button lt-button--small" type="submit" disabled=busy>{t("device-save")}</button>
                </form>
            </Show>
            {other.map(|device| {
                let label = t_args("device-sign-out-named", &[("device", &device.id)]);
                view! {
                    <button class="lt-button lt-button--small lt-button--danger" type="button" aria-label=label
                        on:click=move |_| signing_out.set(Some(device.clone()))>{t("device-sign-out")}</button>
                }
            })}
        </li>
    }
}

/// Signing another device out, once the person has confirmed it is them in the way
/// the server asks: the password, or single sign-on again.
#[component]
fn SignOutDevice(
    device: DeviceSummary,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let challenge = RwSignal::new(None::<Challenge>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None);
    let ids = StoredValue::new(vec![device.id.clone()]);
    let sign_out = move |confirmation: Option<Confirmation>| {
        let ids = ids.get_value();
        run_action(
            move |session| async move { session.delete_devices(&ids, confirmation).await },
            busy,
            error,
            // Cancel may have removed this form meanwhile.
            move |asked| match asked {
                Some(asked) => {
                    let _ = challenge.try_set(Some(asked));
                }
                None => {
                    on_done.try_run(());
                }
            },
        );
    };
    view! {
        <div class="lt-form lt-devices__sign-out">
            <p>{t_args("device-sign-out-confirm", &[("device", &device.id)])}</p>
            // The server says how to confirm only when asked to act; it may ask
            // nothing (a confirmation moments ago), and the device is then gone at once.
            {move || match challenge.get() {
                None => view! {
                    <button class="lt-button lt-button--danger" type="button" disabled=move || busy.get()
                        on:click=move |_| sign_out(None)>{t("device-sign-out-start")}</button>
                }.into_any(),
                Some(asked) => view! {
                    <ConfirmIdentity challenge=asked busy id="lt-device-confirm-password"
                        submit_label=t("device-sign-out-submit")
                        on_answer=Callback::new(move |answer| sign_out(Some(answer))) />
                }.into_any(),
            }}
            <ErrorAlert error />
            <button class="lt-button lt-button--quiet" type="button" on:click=move |_| on_cancel.run(())>{t("reset-identity-cancel")}</button>
        </div>
    }
}
