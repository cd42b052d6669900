/*
 * mcp-ee administration page: agent tokens and the audit log. Plain JavaScript, no framework, nothing loaded from
 * elsewhere.
 *
 * The token the user signs in with lives in sessionStorage only (never a cookie, never a URL) and goes to the API
 * in the Authorization header. The API is addressed relative to this page, so the page at <ctx>/mcp-ee/admin/ calls
 * <ctx>/mcp-ee/api/... whatever the context root. Data from the API reaches the DOM through textContent only.
 */
(function () {
    'use strict';

    var STORAGE_KEY = 'mcpee.admin.token';
    var API = new URL('../api/', document.baseURI);
    var STATUSES = ['active', 'expires-soon', 'expired', 'inactive'];
    var TOKEN_SHAPE = /^[\x21-\x7e]+$/;
    var VIEWS = ['tokens', 'audit'];
    var OUTCOMES = ['SUCCESS', 'DENIED', 'INVALID', 'ERROR', 'THROTTLED', 'CANCELLED', 'INPUT_REQUIRED'];
    var CREDENTIAL_KINDS = {AGENT_TOKEN: 'agent token', JWT: 'JWT', ANONYMOUS: 'anonymous', CONTAINER: 'container'};
    var AUDIT_MAX_LIMIT = 500;
    var REFUSED_SIGN_IN = 'Sign-in refused: this token may neither manage tokens nor read the audit log. Sign in '
        + 'with a token that holds mcp-tokens (its owner\'s tokens), mcp-admin (every token) or mcp-auditor (the '
        + 'audit log). A plain agent token is for an agent\'s work, not for this page.';

    var state = {
        admin: false,
        manages: false,
        readsAudit: false,
        secretFor: null, // the id of the token whose new value the secret box shows
        audit: {
            loaded: false, // whether the audit view shows an answer of the API
            query: '', // the filter of the entries shown, as query parameters: "Older entries" goes on with it
            next: null, // the cursor of the next (older) page, null on the last
            shown: 0,
            generation: 0 // raised by every new search and by sign-out: older answers are dropped
        }
    };

    function el(id) {
        return document.getElementById(id);
    }

    function make(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        return node;
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    function showMessage(kind, text) {
        var box = el('message');
        box.replaceChildren();
        box.className = 'message ' + (kind === 'error' ? 'error' : 'info');
        box.appendChild(make('span', 'message-text', text));
        var close = make('button', 'message-close', '×');
        close.type = 'button';
        close.setAttribute('aria-label', 'Dismiss message');
        close.addEventListener('click', clearMessage);
        box.appendChild(close);
        box.hidden = false;
    }

    function showError(error) {
        showMessage('error', error && error.message ? error.message : String(error));
    }

    function clearMessage() {
        var box = el('message');
        box.replaceChildren();
        box.hidden = true;
    }

    // ---- the API -------------------------------------------------------------------------------------------------

    function ApiError(status, message, detail) {
        this.status = status;
        this.message = message;
        this.detail = detail || null;
    }
    ApiError.prototype = Object.create(Error.prototype);
    ApiError.prototype.name = 'ApiError';

    /** What the API said went wrong: its JSON "error_description" or "error", if it sent one. */
    function detailOf(data) {
        if (data && typeof data === 'object') {
            var detail = data.error_description || data.error || data.message;
            return typeof detail === 'string' && detail ? detail : null;
        }
        return null;
    }

    function describe(status, detail) {
        var what;
        switch (status) {
            case 400: what = 'The request was refused (400)'; break;
            case 401: what = 'Not signed in, or the token is not valid (401)'; break;
            case 403: what = 'Not allowed (403)'; break;
            case 404: what = 'Not found (404)'; break;
            case 409: what = 'Conflict (409)'; break;
            case 429: what = 'Too many requests (429)'; break;
            default: what = 'The server answered ' + status;
        }
        return detail ? what + ': ' + detail : what;
    }

    function api(method, path, body) {
        var token = sessionStorage.getItem(STORAGE_KEY);
        var headers = {'Accept': 'application/json'};
        if (token) {
            headers['Authorization'] = 'Bearer ' + token;
        }
        var init = {method: method, headers: headers, cache: 'no-store', credentials: 'omit', redirect: 'error'};
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        return fetch(new URL(path, API), init).then(function (response) {
            return response.text().then(function (text) {
                var data = null;
                if (text) {
                    try {
                        data = JSON.parse(text);
                    } catch (ignored) {
                        data = null; // e.g. a container error page: its status says enough
                    }
                }
                if (!response.ok) {
                    var detail = detailOf(data);
                    throw new ApiError(response.status, describe(response.status, detail), detail);
                }
                return data;
            });
        }, function (failure) {
            throw new ApiError(0, 'The server could not be reached: ' + (failure && failure.message || failure));
        });
    }

    /** A failed call: shown; a refused token (401) ends the session, since nothing else will work. */
    function failed(error) {
        if (error instanceof ApiError && error.status === 401 && sessionStorage.getItem(STORAGE_KEY)) {
            signOut(false);
        }
        showError(error);
    }

    /** Runs an action with its button disabled, so a double click does not do it twice. */
    function busy(button, work) {
        if (button) {
            button.disabled = true;
        }
        document.body.setAttribute('aria-busy', 'true');
        var done = function () {
            if (button) {
                button.disabled = false;
            }
            document.body.removeAttribute('aria-busy');
        };
        return Promise.resolve().then(work).then(done, function (error) {
            done();
            failed(error);
        });
    }

    // ---- formatting ----------------------------------------------------------------------------------------------

    function two(n) {
        return (n < 10 ? '0' : '') + n;
    }

    /** An ISO instant as local "YYYY-MM-DD HH:MM" (":SS" too if asked), or the text as given if it does not parse. */
    function formatInstant(iso, seconds) {
        var date = new Date(iso);
        if (isNaN(date.getTime())) {
            return String(iso);
        }
        return date.getFullYear() + '-' + two(date.getMonth() + 1) + '-' + two(date.getDate()) + ' '
            + two(date.getHours()) + ':' + two(date.getMinutes()) + (seconds ? ':' + two(date.getSeconds()) : '');
    }

    function instantCell(iso, none, seconds) {
        var cell = make('td', 'when');
        if (iso === null || iso === undefined) {
            cell.appendChild(make('span', 'muted', none));
        } else {
            var time = make('time', null, formatInstant(iso, seconds));
            time.setAttribute('datetime', String(iso));
            time.title = String(iso);
            cell.appendChild(time);
        }
        return cell;
    }

    function splitList(text) {
        return text.split(',').map(function (part) {
            return part.trim();
        }).filter(function (part) {
            return part.length > 0;
        });
    }

    // ---- screens -------------------------------------------------------------------------------------------------

    function showSignIn() {
        el('workspace').hidden = true;
        el('session').hidden = true;
        el('sign-in').hidden = false;
        el('sign-in-token').focus();
    }

    function showWorkspace() {
        el('sign-in').hidden = true;
        el('workspace').hidden = false;
        el('session').hidden = false;
    }

    function hideSecret() {
        state.secretFor = null;
        el('secret-value').textContent = '';
        el('secret-name').textContent = '';
        el('secret-copy-status').textContent = '';
        el('secret-box').hidden = true;
    }

    /** The plaintext of a new or regenerated token, once: it is nowhere else, and leaves with "Done" or sign-out. */
    function showSecret(token, secret) {
        state.secretFor = token.id;
        el('secret-name').textContent = token.name;
        el('secret-value').textContent = secret;
        el('secret-copy-status').textContent = '';
        el('secret-box').hidden = false;
        el('secret-box').scrollIntoView({block: 'nearest'});
        el('secret-copy').focus();
    }

    function signOut(announce) {
        sessionStorage.removeItem(STORAGE_KEY);
        state.admin = false;
        state.manages = false;
        state.readsAudit = false;
        el('tab-tokens').hidden = false;
        el('tab-audit').hidden = false;
        hideSecret();
        resetAudit();
        selectView('tokens', false);
        el('tokens-body').replaceChildren();
        el('whoami').textContent = '';
        el('create-form').reset();
        updateExpiry();
        el('create-groups-help').textContent = 'Comma-separated group names.';
        showSignIn();
        if (announce) {
            showMessage('info', 'Signed out.');
        }
    }

    // ---- views ------------------------------------------------------------------------------------------------------

    /** Shows one view (a tab and its panel); the audit view loads its entries the first time it is shown. */
    function selectView(name, focus) {
        VIEWS.forEach(function (view) {
            var selected = view === name;
            var tab = el('tab-' + view);
            tab.setAttribute('aria-selected', selected ? 'true' : 'false');
            tab.tabIndex = selected ? 0 : -1;
            el('view-' + view).hidden = !selected;
        });
        if (focus) {
            el('tab-' + name).focus();
        }
    }

    function openView(name) {
        var already = el('tab-' + name).getAttribute('aria-selected') === 'true';
        selectView(name, true);
        if (already) {
            return;
        }
        clearMessage();
        if (name === 'audit' && !state.audit.loaded) {
            busy(el('audit-apply'), loadAudit);
        }
    }

    /** The tab list's keys (WAI-ARIA tabs pattern): arrows, Home and End move to a tab and show it. */
    function tabKey(event) {
        var index = VIEWS.indexOf(event.target.id.replace(/^tab-/, ''));
        if (index < 0) {
            return;
        }
        var to;
        switch (event.key) {
            case 'ArrowLeft': to = (index + VIEWS.length - 1) % VIEWS.length; break;
            case 'ArrowRight': to = (index + 1) % VIEWS.length; break;
            case 'Home': to = 0; break;
            case 'End': to = VIEWS.length - 1; break;
            default: return;
        }
        event.preventDefault();
        openView(VIEWS[to]);
    }

    // ---- the token list ------------------------------------------------------------------------------------------

    /** The short preview the API shows for the token this page signed in with ("mcp_" + 8 hex + "…"). */
    function ownPreview() {
        var token = sessionStorage.getItem(STORAGE_KEY) || '';
        var match = /^mcp_([0-9a-f]{16})_/.exec(token);
        return match ? 'mcp_' + match[1].substring(0, 8) + '…' : null;
    }

    /**
     * What the signed-in credential may do here, as the API says (GET me): manage tokens (all, its own, none) and
     * read the audit log. The page offers only what it may do; the API decides all the same.
     */
    function learnCaller(me) {
        state.admin = me.manages === 'all';
        state.manages = me.manages !== 'none';
        state.readsAudit = me.readsAudit === true;
        el('whoami').textContent = 'Signed in as ' + me.user + (state.admin ? ' (mcp-admin)' : '');
        el('create-owner-field').hidden = !state.admin;
        if (!state.admin) {
            el('create-owner').value = '';
        }
        el('tab-tokens').hidden = !state.manages;
        el('tab-audit').hidden = !state.manages && !state.readsAudit;
    }

    /** Learns the caller, then opens what it may use: the tokens, or (an auditor's token) the audit log. */
    function enter() {
        return api('GET', 'me').then(function (me) {
            if (me.manages === 'none' && me.readsAudit !== true) {
                throw new ApiError(403, REFUSED_SIGN_IN);
            }
            learnCaller(me);
            showWorkspace();
            if (!state.manages) {
                openView('audit');
                return null;
            }
            return loadTokens().then(loadGroups);
        });
    }

    function actionButton(label, token, className, handler) {
        var button = make('button', className, label);
        button.type = 'button';
        button.setAttribute('aria-label', label + ' ' + token.name);
        button.addEventListener('click', function () {
            clearMessage();
            busy(button, function () {
                return handler(token);
            });
        });
        return button;
    }

    function renderTokens(tokens, preview) {
        var body = el('tokens-body');
        body.replaceChildren();
        tokens.forEach(function (token) {
            var row = make('tr');
            row.setAttribute('data-token-id', String(token.id));

            var name = make('td', 'name');
            name.appendChild(make('span', 'token-name', token.name));
            if (preview !== null && token.keyPreview === preview) {
                name.appendChild(make('span', 'tag', 'this session'));
            }
            row.appendChild(name);

            row.appendChild(make('td', 'owner', token.owner));

            var key = make('td', 'key');
            key.appendChild(make('code', null, token.keyPreview));
            row.appendChild(key);

            var status = STATUSES.indexOf(token.status) >= 0 ? token.status : 'unknown';
            var statusCell = make('td', 'status');
            statusCell.appendChild(make('span', 'badge badge-' + status, token.status));
            row.appendChild(statusCell);

            row.appendChild(instantCell(token.expiresAt, 'never'));
            row.appendChild(instantCell(token.lastUsedAt, 'never'));

            var permissions = (token.effectivePermissions || []).slice().sort();
            var permissionCell = make('td', 'permissions');
            if (permissions.length === 0) {
                permissionCell.appendChild(make('span', 'muted', 'none'));
            } else {
                permissions.forEach(function (permission) {
                    permissionCell.appendChild(make('span', 'permission', permission));
                });
            }
            row.appendChild(permissionCell);

            var actions = make('td', 'actions');
            actions.appendChild(actionButton('Regenerate', token, 'regenerate', regenerate));
            actions.appendChild(token.active
                ? actionButton('Deactivate', token, 'toggle', setActive(false))
                : actionButton('Activate', token, 'toggle', setActive(true)));
            actions.appendChild(actionButton('Delete', token, 'delete danger', remove));
            row.appendChild(actions);

            body.appendChild(row);
        });
        el('tokens-empty').hidden = tokens.length > 0;
    }

    function loadTokens() {
        return api('GET', 'tokens').then(function (tokens) {
            tokens = Array.isArray(tokens) ? tokens : [];
            renderTokens(tokens, ownPreview());
            if (state.secretFor !== null && !tokens.some(function (t) {
                return t.id === state.secretFor;
            })) {
                hideSecret(); // its token was deleted: the value is of no use any more
            }
            return tokens;
        });
    }

    function loadGroups() {
        return api('GET', 'token-groups').then(function (groups) {
            var names = (Array.isArray(groups) ? groups : []).map(function (g) {
                return g.name;
            });
            el('create-groups-help').textContent = 'Comma-separated group names. '
                + (names.length > 0 ? 'Known groups: ' + names.join(', ') + '.' : 'No groups exist yet.');
        });
    }

    // ---- the audit log ----------------------------------------------------------------------------------------------

    /**
     * A datetime-local value ("YYYY-MM-DDTHH:MM", seconds optional) as the instant it names in this browser's time
     * zone; null when empty. The API takes instants, so it gets this one in UTC.
     */
    function localInstant(id, label) {
        var input = el(id);
        var value = input.value;
        if (!value) {
            if (input.validity && input.validity.badInput) {
                input.focus();
                throw new Error('"' + label + '" is not a complete date and time.');
            }
            return null;
        }
        var parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
        if (!parts) {
            input.focus();
            throw new Error('"' + label + '" is not a date and time.');
        }
        var date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), Number(parts[4]),
            Number(parts[5]), Number(parts[6] || 0), Number(((parts[7] || '') + '000').substring(0, 3)));
        if (isNaN(date.getTime())) {
            input.focus();
            throw new Error('"' + label + '" is not a date and time.');
        }
        return date;
    }

    /** The filter form as the API's query parameters; what is wrong in it is thrown, with its field focused. */
    function auditFilter() {
        var params = new URLSearchParams();
        [['user', 'audit-user'], ['token', 'audit-token'], ['tool', 'audit-tool']].forEach(function (field) {
            var value = el(field[1]).value.trim();
            if (value) {
                params.set(field[0], value);
            }
        });
        var outcome = el('audit-outcome').value;
        if (OUTCOMES.indexOf(outcome) >= 0) {
            params.set('outcome', outcome);
        }
        var from = localInstant('audit-from', 'From');
        var to = localInstant('audit-to', 'To');
        if (from && to && from.getTime() >= to.getTime()) {
            el('audit-to').focus();
            throw new Error('"To" must be later than "From".');
        }
        if (from) {
            params.set('from', from.toISOString());
        }
        if (to) {
            params.set('to', to.toISOString());
        }
        var limit = el('audit-limit').value.trim();
        if (limit || (el('audit-limit').validity && el('audit-limit').validity.badInput)) {
            if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > AUDIT_MAX_LIMIT) {
                el('audit-limit').focus();
                throw new Error('The limit must be a whole number from 1 to ' + AUDIT_MAX_LIMIT + '.');
            }
            params.set('limit', String(Number(limit)));
        }
        return params.toString();
    }

    function auditPath(path, query) {
        return query ? path + '?' + query : path;
    }

    function textOrNone(value) {
        return value === null || value === undefined || value === '' ? null : String(value);
    }

    /** One term of an entry's details; an absent value is shown as "none". */
    function detail(list, term, value) {
        list.appendChild(make('dt', null, term));
        var text = textOrNone(value);
        list.appendChild(text === null ? make('dd', 'muted', 'none') : make('dd', null, text));
    }

    /** The arguments as the API gave them (already redacted), pretty-printed. */
    function prettyArguments(value) {
        if (value === null || value === undefined) {
            return 'none';
        }
        if (typeof value === 'string') {
            return value; // a stored value that is not JSON is given as text
        }
        return JSON.stringify(value, null, 2);
    }

    /** An entry: its row, and a details row below it that its "Details" button shows and hides. */
    function auditRows(entry) {
        var key = String(entry.id).replace(/[^0-9A-Za-z_-]/g, '_');
        var row = make('tr', 'audit-entry');
        row.setAttribute('data-audit-id', String(entry.id));

        row.appendChild(instantCell(entry.timestamp, 'unknown', true));
        row.appendChild(make('td', 'user', entry.user));

        var credential = make('td', 'credential');
        var kind = Object.prototype.hasOwnProperty.call(CREDENTIAL_KINDS, entry.credentialKind)
            ? CREDENTIAL_KINDS[entry.credentialKind] : String(entry.credentialKind);
        credential.appendChild(make('span', 'kind', kind));
        if (textOrNone(entry.credentialName) !== null) {
            credential.appendChild(make('span', 'credential-name', entry.credentialName));
        }
        row.appendChild(credential);

        var tool = make('td', 'tool');
        tool.appendChild(make('code', null, entry.tool));
        row.appendChild(tool);

        var outcome = OUTCOMES.indexOf(entry.outcome) >= 0 ? entry.outcome.toLowerCase() : 'unknown';
        var outcomeCell = make('td', 'outcome');
        outcomeCell.appendChild(make('span', 'badge badge-' + outcome, entry.outcome));
        row.appendChild(outcomeCell);

        row.appendChild(make('td', 'number status-code', entry.status));
        row.appendChild(make('td', 'number duration', typeof entry.durationMs === 'number'
            ? entry.durationMs + ' ms' : entry.durationMs));

        var address = make('td', 'client-ip');
        if (textOrNone(entry.clientIp) === null) {
            address.appendChild(make('span', 'muted', 'unknown'));
        } else {
            address.appendChild(make('code', null, entry.clientIp));
        }
        row.appendChild(address);

        var details = make('tr', 'audit-detail');
        details.id = 'audit-detail-' + key;
        details.hidden = true;
        var cell = make('td');
        cell.colSpan = 9;
        var list = make('dl', 'detail-list');
        detail(list, 'Channel', entry.channel === 'ADMIN' ? 'admin API (a change to agent credentials)'
            : entry.channel === 'MCP' ? 'MCP tools/call' : entry.channel);
        detail(list, 'Request', textOrNone(entry.httpMethod) === null ? null
            : entry.httpMethod + ' ' + (entry.path || ''));
        detail(list, 'Target', entry.target);
        detail(list, 'Error', entry.error);
        detail(list, 'Credential', kind + (textOrNone(entry.credentialName) !== null ? ' "' + entry.credentialName
            + '"' : '') + (textOrNone(entry.credentialId) !== null ? ', id ' + entry.credentialId : ''));
        detail(list, 'Session id', entry.sessionId);
        detail(list, 'Request id', entry.requestId);
        detail(list, 'Client', textOrNone(entry.clientName) === null ? null
            : entry.clientName + (textOrNone(entry.clientVersion) !== null ? ' ' + entry.clientVersion : ''));
        detail(list, 'Entry id', entry.id);
        cell.appendChild(list);
        var title = make('p', 'arguments-title', 'Arguments (as recorded, secrets redacted)');
        title.id = 'audit-arguments-' + key;
        cell.appendChild(title);
        var json = make('pre', 'arguments', prettyArguments(entry.arguments));
        json.tabIndex = 0; // it may scroll: keyboard users reach it too
        json.setAttribute('aria-labelledby', title.id);
        cell.appendChild(json);
        details.appendChild(cell);

        var toggleCell = make('td', 'actions');
        var toggle = make('button', 'details-toggle', 'Details');
        toggle.type = 'button';
        toggle.setAttribute('aria-expanded', 'false');
        toggle.setAttribute('aria-controls', details.id);
        toggle.setAttribute('aria-label', 'Details of ' + entry.tool + ' at ' + formatInstant(entry.timestamp, true));
        toggle.addEventListener('click', function () {
            var open = details.hidden;
            details.hidden = !open;
            toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        });
        toggleCell.appendChild(toggle);
        row.appendChild(toggleCell);
        return [row, details];
    }

    /** A page of entries: in place of those shown, or after them ("Older entries"). */
    function renderAudit(page, append) {
        var items = page && Array.isArray(page.items) ? page.items : [];
        var body = el('audit-body');
        if (!append) {
            body.replaceChildren();
            state.audit.shown = 0;
        }
        var first = null;
        items.forEach(function (entry) {
            var rows = auditRows(entry);
            first = first || rows[0];
            rows.forEach(function (row) {
                body.appendChild(row);
            });
        });
        state.audit.shown += items.length;
        state.audit.next = page && typeof page.next === 'string' && page.next ? page.next : null;
        el('audit-empty').hidden = state.audit.shown > 0;
        el('audit-more').hidden = state.audit.next === null;
        el('audit-count').textContent = state.audit.shown === 0 ? ''
            : (state.audit.shown === 1 ? '1 entry shown' : state.audit.shown + ' entries shown')
            + (state.audit.next === null ? '.' : '; older entries exist.');
        return first;
    }

    function renderUnauthenticated(answer) {
        var items = answer && Array.isArray(answer.items) ? answer.items : [];
        var body = el('unauthenticated-body');
        body.replaceChildren();
        items.forEach(function (tally) {
            var row = make('tr');
            var start = instantCell(tally.periodStart, 'unknown', true);
            if (tally.periodEnd) {
                start.firstChild.title = String(tally.periodStart) + ' to ' + String(tally.periodEnd);
            }
            row.appendChild(start);
            var address = make('td', 'client-ip');
            address.appendChild(make('code', null, tally.clientIp));
            row.appendChild(address);
            row.appendChild(make('td', 'number requests', tally.requests));
            body.appendChild(row);
        });
        el('unauthenticated-empty').hidden = items.length > 0;
    }

    /** Nothing shown: after a refused search, so that no stale entries pass for its answer. */
    function clearAuditResults() {
        state.audit.loaded = false;
        state.audit.next = null;
        state.audit.shown = 0;
        el('audit-body').replaceChildren();
        el('unauthenticated-body').replaceChildren();
        el('audit-empty').hidden = true;
        el('unauthenticated-empty').hidden = true;
        el('audit-more').hidden = true;
        el('audit-count').textContent = '';
    }

    function resetAudit() {
        state.audit.generation += 1;
        state.audit.query = '';
        clearAuditResults();
        el('audit-form').reset();
    }

    /** A new search with the filter form: the newest entries that match, then the unauthenticated counts. */
    function loadAudit() {
        var query = auditFilter();
        state.audit.generation += 1;
        var generation = state.audit.generation;
        return api('GET', auditPath('audit', query)).then(function (page) {
            if (generation !== state.audit.generation) {
                return null;
            }
            state.audit.query = query;
            state.audit.loaded = true;
            renderAudit(page, false);
            return api('GET', 'audit/unauthenticated').then(function (answer) {
                if (generation === state.audit.generation) {
                    renderUnauthenticated(answer);
                }
            });
        }, function (error) {
            if (generation === state.audit.generation) {
                clearAuditResults();
            }
            throw auditRefusal(error);
        });
    }

    /**
     * A 403 of the audit API as the API words it; when its answer has no message (a container's error page, as
     * when the server enforces the roles before the API runs), the page says who may read the log.
     */
    function auditRefusal(error) {
        if (error instanceof ApiError && error.status === 403 && !error.detail) {
            return new ApiError(403, describe(403, 'the audit log is only for tokens with the permission mcp-admin'
                + ' or mcp-auditor'), null);
        }
        return error;
    }

    /** The next page of the search shown, after its entries. */
    function loadOlderAudit() {
        if (state.audit.next === null) {
            return null;
        }
        var params = new URLSearchParams(state.audit.query);
        params.set('cursor', state.audit.next);
        var generation = state.audit.generation;
        return api('GET', auditPath('audit', params.toString())).then(function (page) {
            if (generation !== state.audit.generation) {
                return;
            }
            var first = renderAudit(page, true);
            if (state.audit.next === null && first) {
                first.querySelector('button').focus(); // the button is gone: keep the focus near the new rows
            }
        }, function (error) {
            throw auditRefusal(error);
        });
    }

    // ---- actions -------------------------------------------------------------------------------------------------

    function regenerate(token) {
        if (!window.confirm('Regenerate "' + token.name + '"? Its current value stops working at once.')) {
            return null;
        }
        return api('POST', 'tokens/' + encodeURIComponent(token.id) + '/regenerate').then(function (result) {
            showSecret(result.token, result.secret);
            showMessage('info', 'Token "' + result.token.name + '" regenerated'
                + (result.token.active ? '.' : ': it is inactive, activate it to use it.'));
            return loadTokens();
        });
    }

    function setActive(active) {
        return function (token) {
            return api('PATCH', 'tokens/' + encodeURIComponent(token.id), {active: active}).then(function (view) {
                showMessage('info', 'Token "' + view.name + '" ' + (active ? 'activated.' : 'deactivated.'));
                return loadTokens();
            });
        };
    }

    function remove(token) {
        if (!window.confirm('Delete "' + token.name + '"? Agents using it lose access at once. '
                + 'This cannot be undone.')) {
            return null;
        }
        return api('DELETE', 'tokens/' + encodeURIComponent(token.id)).then(function () {
            showMessage('info', 'Token "' + token.name + '" deleted.');
            return loadTokens();
        });
    }

    function endOfLocalDay(value) {
        var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        if (!parts) {
            return null;
        }
        return new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), 23, 59, 59);
    }

    function createToken() {
        var name = el('create-name').value.trim();
        if (!name) {
            el('create-name').focus();
            throw new Error('A name is required.');
        }
        var request = {
            name: name,
            permissions: splitList(el('create-permissions').value),
            groups: splitList(el('create-groups').value)
        };
        var owner = el('create-owner').value.trim();
        if (state.admin && owner) {
            request.owner = owner;
        }
        var expiry = document.querySelector('input[name="expiry"]:checked').value;
        if (expiry === 'never') {
            request.neverExpires = true;
        } else if (expiry === 'date') {
            var until = endOfLocalDay(el('create-expires').value);
            if (!until) {
                el('create-expires').focus();
                throw new Error('Choose the expiry date.');
            }
            if (until.getTime() <= Date.now()) {
                el('create-expires').focus();
                throw new Error('The expiry date must be in the future.');
            }
            request.expiresAt = until.toISOString();
        }
        return api('POST', 'tokens', request).then(function (result) {
            el('create-form').reset();
            updateExpiry();
            showSecret(result.token, result.secret);
            showMessage('info', 'Token "' + result.token.name + '" created.');
            return loadTokens();
        });
    }

    function copySecret() {
        var text = el('secret-value').textContent;
        var status = el('secret-copy-status');
        var fallback = function () {
            var range = document.createRange();
            range.selectNodeContents(el('secret-value'));
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            var copied = false;
            try {
                copied = document.execCommand('copy');
            } catch (ignored) {
                copied = false;
            }
            status.textContent = copied ? 'Copied to the clipboard.'
                : 'The browser did not allow copying: the token is selected, press Ctrl+C (⌘C on a Mac).';
        };
        if (navigator.clipboard && window.isSecureContext) {
            var timeout = new Promise(function (resolve, reject) {
                window.setTimeout(function () {
                    reject(new Error('timeout'));
                }, 2000);
            });
            return Promise.race([navigator.clipboard.writeText(text), timeout]).then(function () {
                status.textContent = 'Copied to the clipboard.';
            }, fallback);
        }
        fallback();
        return null;
    }

    function updateExpiry() {
        var byDate = el('expiry-date').checked;
        el('create-expires').disabled = !byDate;
        el('create-expires').required = byDate;
    }

    function signIn() {
        var token = el('sign-in-token').value.trim();
        if (!token) {
            throw new Error('Paste a token to sign in.');
        }
        if (!TOKEN_SHAPE.test(token)) {
            throw new Error('That is not a token: it has spaces or characters a token never has.');
        }
        sessionStorage.setItem(STORAGE_KEY, token);
        return enter().then(function () {
            el('sign-in-token').value = '';
        }, function (error) {
            sessionStorage.removeItem(STORAGE_KEY);
            showSignIn();
            if (error.status === 401) {
                throw new ApiError(401, 'Sign-in failed: the server refused this token (401'
                    + (error.detail ? ': ' + error.detail : '') + ').');
            }
            if (error.message === REFUSED_SIGN_IN) {
                throw error;
            }
            throw new ApiError(error.status, 'Sign-in failed. ' + error.message);
        });
    }

    // ---- wiring --------------------------------------------------------------------------------------------------

    function start() {
        el('sign-in-form').addEventListener('submit', function (event) {
            event.preventDefault();
            clearMessage();
            busy(el('sign-in-button'), signIn);
        });
        el('sign-out').addEventListener('click', function () {
            clearMessage();
            signOut(true);
        });
        el('create-form').addEventListener('submit', function (event) {
            event.preventDefault();
            clearMessage();
            busy(el('create-button'), createToken);
        });
        el('refresh').addEventListener('click', function () {
            clearMessage();
            busy(el('refresh'), loadTokens);
        });
        VIEWS.forEach(function (view) {
            el('tab-' + view).addEventListener('click', function () {
                openView(view);
            });
            el('tab-' + view).addEventListener('keydown', tabKey);
        });
        el('audit-form').addEventListener('submit', function (event) {
            event.preventDefault();
            clearMessage();
            busy(el('audit-apply'), loadAudit);
        });
        el('audit-reset').addEventListener('click', function () {
            clearMessage();
            el('audit-form').reset();
            busy(el('audit-apply'), loadAudit);
        });
        el('audit-more').addEventListener('click', function () {
            clearMessage();
            busy(el('audit-more'), loadOlderAudit);
        });
        el('secret-copy').addEventListener('click', copySecret);
        el('secret-dismiss').addEventListener('click', hideSecret);
        Array.prototype.forEach.call(document.querySelectorAll('input[name="expiry"]'), function (radio) {
            radio.addEventListener('change', updateExpiry);
        });
        updateExpiry();

        if (sessionStorage.getItem(STORAGE_KEY)) {
            showWorkspace();
            busy(el('refresh'), function () {
                return enter().then(null, function (error) {
                    if (error.message === REFUSED_SIGN_IN) {
                        signOut(false);
                    }
                    throw error;
                });
            });
        } else {
            showSignIn();
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
