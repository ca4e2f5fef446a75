pub mod conversation;
pub mod home_page;
pub mod login_page;
pub mod notice_pages;
pub mod room_page;
pub mod security_page;
pub mod settings_page;

pub use home_page::{HomePage, NoRoomSelected, StartingShell};
pub use login_page::LoginPage;
pub use notice_pages::{ConfigErrorPage, OtherTabPage, SessionEndedPage, StorageUnavailablePage};
pub use room_page::RoomPage;
pub use security_page::SecurityPage;
pub use settings_page::SettingsPage;
