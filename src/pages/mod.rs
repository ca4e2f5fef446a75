pub mod home_page;
pub mod login_page;
pub mod room_page;

pub use home_page::{HomePage, NoRoomSelected};
pub use login_page::LoginPage;
pub use room_page::RoomPage;
