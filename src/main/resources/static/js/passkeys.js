// Passkeys (WebAuthn) on the console: signing in with one (sign-in page, second step) and adding one
// (profile). The server side is Spring Security's: /webauthn/authenticate/options then /login/webauthn,
// /webauthn/register/options then /webauthn/register. Binary fields travel as base64url.
(function () {
  'use strict';

  function toBase64url(buffer) {
    let text = '';
    new Uint8Array(buffer).forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function fromBase64url(value) {
    const text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function post(element, url, body) {
    const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[element.dataset.csrfHeader] = element.dataset.csrf;
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      });
  }

  function showError(element) {
    const error = document.getElementById(element.dataset.error);
    if (error) {
      error.hidden = false;
    }
  }

  function signIn(button) {
    post(button, button.dataset.options).then(function (options) {
      options.challenge = fromBase64url(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: fromBase64url(c.id) });
      });
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      const response = credential.response;
      return post(button, button.dataset.signIn, {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        response: {
          authenticatorData: toBase64url(response.authenticatorData),
          clientDataJSON: toBase64url(response.clientDataJSON),
          signature: toBase64url(response.signature),
          userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (result) {
      if (!result.authenticated || !result.redirectUrl) {
        throw new Error('not signed in');
      }
      window.location.href = result.redirectUrl;
    }).catch(function () { showError(button); });
  }

  function register(form) {
    const label = form.querySelector('input[name=label]').value.trim();
    if (!label) {
      return;
    }
    post(form, form.dataset.options).then(function (options) {
      options.challenge = fromBase64url(options.challenge);
      options.user = Object.assign({}, options.user, { id: fromBase64url(options.user.id) });
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: fromBase64url(c.id) });
      });
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      const response = credential.response;
      return post(form, form.dataset.register, { publicKey: { label: label, credential: {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        response: {
          attestationObject: toBase64url(response.attestationObject),
          clientDataJSON: toBase64url(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      } } });
    }).then(function (result) {
      if (!result.success) {
        throw new Error('not registered');
      }
      window.location.href = form.dataset.done;
    }).catch(function () { showError(form); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    const supported = !!window.PublicKeyCredential;
    document.querySelectorAll('[data-passkey-sign-in]').forEach(function (button) {
      button.hidden = !supported;
      button.addEventListener('click', function () { signIn(button); });
    });
    document.querySelectorAll('form[data-passkey-register]').forEach(function (form) {
      form.hidden = !supported;
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        register(form);
      });
    });
  });
})();
