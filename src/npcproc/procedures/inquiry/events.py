"""Events of inquiries 质询 and questions 询问: streams ``inquiry-<id>`` and ``questions-<session>``."""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import event_type
from npcproc.model.election import (
    AnswerForm,
    InquiryTarget,
)

__all__ = ["AnswerFormDecided", "InquiryAnswered", "InquiryFiled", "InquiryRated", "QuestionAsked"]


@event_type("inquiry.filed")
@attrs.frozen(kw_only=True)
class InquiryFiled:
    """质询案 in writing, naming the body questioned, the questions and their content (OL 24 ¶1)."""

    inquiry_id: str
    congress_id: str
    session_id: str
    sponsors: tuple[str, ...]
    target: InquiryTarget
    questions: str


@event_type("inquiry.answer_form_decided")
@attrs.frozen(kw_only=True)
class AnswerFormDecided:
    """The presidium decides how the inquiry is answered (OL 24 ¶2); a complex one after the session."""

    form: AnswerForm
    complex: bool = False


@event_type("inquiry.answered")
@attrs.frozen(kw_only=True)
class InquiryAnswered:
    """The head of the body questioned answers in person, or signs the written answer (OL 24 ¶3)."""

    answered_by: str
    on: datetime.date


@event_type("inquiry.rated")
@attrs.frozen(kw_only=True)
class InquiryRated:
    """Sponsors who are dissatisfied with the answer; half or more demand a second answer (DL 20 ¶5)."""

    dissatisfied: tuple[str, ...]
    second_answer_required: bool


@event_type("session.question_asked")
@attrs.frozen(kw_only=True)
class QuestionAsked:
    """询问 during deliberation, and the official who answered it (OL 23, DL 19)."""

    question_id: str
    asked_by: tuple[str, ...]
    subject: str
    answered_by: str
    on: datetime.date
