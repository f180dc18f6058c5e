//! A service's word boxes (name, description, who it is for, how to get it, cost): which field
//! of the feed each is, and its code, label and hint. The services' editing (`services`) and the
//! languages side by side (`languages`) both use them; kept here, below both, languages need not
//! import services, which imports languages (issue 20: no module imports one that imports it
//! back). `services` re-exports them, so `edit::services::ServiceText` still names the type.

use crate::feed::Service;
use crate::text::Text;

/// A service's own words, as the editor shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceText {
    Name,
    Description,
    /// Who it is for, in words (`eligibility.text`).
    Eligibility,
    /// How to get it: who can refer and how (`access.referral`).
    Access,
    Cost,
}

/// The word boxes the editor shows, in order: the box's code, label and hint.
pub const SERVICE_FIELDS: [(ServiceText, &str, &str, &str); 5] = [
    (ServiceText::Name, "service-name", "Name", ""),
    (
        ServiceText::Description,
        "description",
        "What it does",
        "In plain words a family understands, for example: Health visitors check how young \
         children are growing and developing.",
    ),
    (
        ServiceText::Eligibility,
        "eligibility",
        "Who it is for (optional)",
        "For example: Families with young children.",
    ),
    (
        ServiceText::Access,
        "access",
        "How to get it (optional)",
        "Who can refer, and how, for example: Your GP or your child's school can refer.",
    ),
    (
        ServiceText::Cost,
        "cost",
        "Cost (optional)",
        "For example: Free.",
    ),
];

impl ServiceText {
    pub fn from_code(code: &str) -> Option<ServiceText> {
        SERVICE_FIELDS
            .iter()
            .find(|(_, c, _, _)| *c == code)
            .map(|(field, _, _, _)| *field)
    }

    pub fn code(self) -> &'static str {
        SERVICE_FIELDS
            .iter()
            .find(|(field, _, _, _)| *field == self)
            .map_or("", |(_, code, _, _)| code)
    }

    /// The field's text in the feed.
    pub fn get(self, service: &Service) -> Option<&Text> {
        match self {
            ServiceText::Name => Some(&service.name),
            ServiceText::Description => service.description.as_ref(),
            ServiceText::Eligibility => service.eligibility.as_ref().and_then(|e| e.text.as_ref()),
            ServiceText::Access => service.access.as_ref().and_then(|a| a.referral.as_ref()),
            ServiceText::Cost => service.cost.as_ref(),
        }
    }
}
