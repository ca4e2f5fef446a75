//! Small views without protocol logic.

pub mod avatar;
pub mod composer;
pub mod dialog;
pub mod error_alert;
pub mod join_room_dialog;
pub mod member_list;
pub mod message_text;
pub mod new_room_dialog;
pub mod people_dialog;
pub mod room_header;
pub mod room_list;
pub mod room_list_item;
pub mod sync_status_badge;
pub mod text_field;
pub mod timeline_row;

pub use avatar::Avatar;
pub use composer::Composer;
pub use dialog::Dialog;
pub use error_alert::ErrorAlert;
pub use join_room_dialog::JoinRoomDialog;
pub use member_list::MemberList;
pub use message_text::MessageText;
pub use new_room_dialog::NewRoomDialog;
pub use people_dialog::PeopleDialog;
pub use room_header::RoomHeaderView;
pub use room_list::RoomList;
pub use room_list_item::RoomListItem;
pub use sync_status_badge::SyncStatusBadge;
pub use text_field::TextField;
pub use timeline_row::{RowActions, TimelineRowView};
