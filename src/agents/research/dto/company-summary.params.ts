/** `research.company_summary` takes no parameters: it works on the companies of `state.prospects`. */
export class CompanySummaryParams {}
