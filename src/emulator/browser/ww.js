/*
 * A browser stand-in for @wecom/jssdk, served by the WeCom emulator at /__emulator/ww.js.
 * It sets window.ww with the calls the guide sidebar uses, with the SDK's promise shapes:
 * resolve {errMsg: 'name:ok', errCode: 0, ...}, reject {errMsg: 'name:fail reason', errCode}.
 *
 * The current guide and customer (or customer group: `chat`) come from, in order: the page query
 * (?guide=&customer= or ?guide=&chat=), a postMessage {type: 'ww-emulator:context', guide, customer, chat}
 * from the demo page hosting the sidebar, or the emulator's current selection. Opened in a group (the
 * group_chat_tools entry), getCurExternalChat answers the chat id and getCurExternalContact fails, as in WeCom. Like WeCom, customer-contact calls need ww.register with an
 * agentId and getAgentConfigSignature; the signature is checked against the emulator's live tickets.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src).origin : location.origin;
  var query = new URLSearchParams(location.search);
  var context = { guide: query.get('guide') || '', customer: query.get('customer') || '', chat: query.get('chat') || '' };
  var registration = null;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source !== window.parent || !data || data.type !== 'ww-emulator:context') return;
    context = { guide: String(data.guide || ''), customer: String(data.customer || ''), chat: String(data.chat || '') };
    window.dispatchEvent(new CustomEvent('ww-emulator:context', { detail: context }));
  });

  function ok(name, extra) {
    return Object.assign({ errMsg: name + ':ok', errCode: 0 }, extra || {});
  }

  function fail(name, reason, code) {
    return { errMsg: name + ':fail ' + reason, errCode: code === undefined ? -1 : code };
  }

  function call(fn, arg) {
    if (typeof fn === 'function') {
      try {
        fn(arg);
      } catch (error) {
        console.error(error);
      }
    }
  }

  /* The SDK's success/fail/complete callbacks beside the promise. */
  function settle(params, promise) {
    return promise.then(
      function (result) {
        call(params && params.success, result);
        call(params && params.complete, result);
        return result;
      },
      function (error) {
        call(params && params.fail, error);
        call(params && params.complete, error);
        throw error;
      },
    );
  }

  function postJson(path, body) {
    return fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error(json.error || 'HTTP ' + response.status);
        return json;
      });
    });
  }

  function currentContext() {
    if (context.guide && (context.customer || context.chat)) return Promise.resolve(context);
    return fetch(base + '/__emulator/current')
      .then(function (response) {
        return response.json();
      })
      .then(function (current) {
        var named = context.customer || context.chat;
        return {
          guide: context.guide || current.guide || '',
          customer: named ? context.customer : current.customer || '',
          chat: named ? context.chat : current.chat || '',
        };
      });
  }

  function checkSignature(kind, factory, hooks) {
    if (typeof factory !== 'function') return Promise.resolve(false);
    var name = kind === 'agent_config' ? 'agentConfig' : 'config';
    var url = location.href.split('#')[0];
    return Promise.resolve()
      .then(function () {
        return factory(url);
      })
      .then(function (sig) {
        return postJson('/__emulator/jssdk/verify', {
          kind: kind,
          url: url,
          nonceStr: sig.nonceStr,
          timestamp: sig.timestamp,
          signature: sig.signature,
        });
      })
      .then(
        function (answer) {
          if (!answer.ok) console.error('[ww emulator] ' + name + ' failed: ' + answer.reason);
          var result = answer.ok ? ok(name) : fail(name, 'invalid signature', 40093);
          call(answer.ok ? hooks.success : hooks.fail, result);
          call(hooks.complete, result);
          return answer.ok;
        },
        function (error) {
          console.error('[ww emulator] ' + name + ' signature factory failed', error);
          var result = fail(name, String(error && error.message ? error.message : error));
          call(hooks.fail, result);
          call(hooks.complete, result);
          return false;
        },
      );
  }

  function register(options) {
    if (!options || !options.corpId) throw new Error('ww.register: corpId is required');
    registration = {
      config: checkSignature('jsapi', options.getConfigSignature, {
        success: options.onConfigSuccess,
        fail: options.onConfigFail,
        complete: options.onConfigComplete,
      }),
      agent: options.agentId
        ? checkSignature('agent_config', options.getAgentConfigSignature, {
            success: options.onAgentConfigSuccess,
            fail: options.onAgentConfigFail,
            complete: options.onAgentConfigComplete,
          })
        : Promise.resolve(false),
    };
  }

  /* 客户联系 calls must be registered with the app identity (agentConfig). */
  function requireAgent(name) {
    if (!registration) return Promise.reject(fail(name, 'not registered: call ww.register first'));
    return registration.agent.then(function (passed) {
      if (!passed) throw fail(name, 'no permission');
      return true;
    });
  }

  function getContext(params) {
    return settle(
      params,
      currentContext().then(function (current) {
        return ok('getContext', { entry: current.chat ? 'group_chat_tools' : 'single_chat_tools' });
      }),
    );
  }

  function getCurExternalContact(params) {
    var name = 'getCurExternalContact';
    return settle(
      params,
      requireAgent(name)
        .then(currentContext)
        .then(function (current) {
          if (current.chat || !current.customer) throw fail(name, 'without context of external contact');
          return ok(name, { userId: current.customer });
        }),
    );
  }

  function getCurExternalChat(params) {
    var name = 'getCurExternalChat';
    return settle(
      params,
      requireAgent(name)
        .then(currentContext)
        .then(function (current) {
          if (!current.chat) throw fail(name, 'without context of external chat');
          return ok(name, { chatId: current.chat });
        }),
    );
  }

  function sendChatMessage(params) {
    var name = 'sendChatMessage';
    return settle(
      params,
      requireAgent(name)
        .then(currentContext)
        .then(function (current) {
          if (!current.guide || !(current.customer || current.chat)) throw fail(name, 'without context of external contact');
          var msgtype = (params && params.msgtype) || 'text';
          var text = msgtype === 'text' && params.text ? String(params.text.content || '') : '';
          if (msgtype === 'text' && !text) throw fail(name, 'invalid content');
          // In a customer group the line goes into the group, as the guide.
          var sent = current.chat
            ? postJson('/__emulator/groups/lines', { chat_id: current.chat, from: current.guide, msgtype: msgtype, text: text })
            : postJson('/__emulator/chat', { guide: current.guide, customer: current.customer, from: 'guide', msgtype: msgtype, text: text });
          return sent.then(
            function () {
              return ok(name);
            },
            function (error) {
              throw fail(name, error.message);
            },
          );
        }),
    );
  }

  window.ww = {
    SDK_VERSION: 'emulator',
    register: register,
    getContext: getContext,
    getCurExternalContact: getCurExternalContact,
    getCurExternalChat: getCurExternalChat,
    sendChatMessage: sendChatMessage,
  };
})();
