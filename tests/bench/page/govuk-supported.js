// GOV.UK Frontend's template snippet, as a file rather than inline: the body says that
// JavaScript runs and that the browser supports the components, before anything is drawn.
document.body.className += ` js-enabled${'noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : ''}`;
